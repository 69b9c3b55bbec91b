package id.narasiahli.schema.liquibase;

import liquibase.Scope;
import liquibase.database.Database;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;

/**
 * The lock service of SQL-only commands (updateSql, rollbackSql, changelogSyncSql): takes no lock and
 * releases none. Liquibase 4.33's SQL commands print their lock statements, but their clean-up step then
 * runs the real unlock statement against the database, which frees another instance's migration lock in
 * the middle of its migration and writes to databasechangeloglock during a dry run. Liquibase picks this
 * service only for a database used inside {@link LiquibaseScope#sqlOnly} (highest priority, supports
 * nothing else), so every other operation keeps the real lock service.
 */
public class SqlOnlyLockService implements LockService {

    static final String SCOPE_KEY = "narasi.schema.sqlOnly";

    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean supports(Database database) {
        return Boolean.TRUE.equals(Scope.getCurrentScope().get(SCOPE_KEY, Boolean.class));
    }

    @Override
    public void setDatabase(Database database) {
        // nothing is ever read from or written to the database
    }

    @Override
    public void setChangeLogLockWaitTime(long changeLogLockWaitTime) {
        // never waits
    }

    @Override
    public void setChangeLogLockRecheckTime(long changeLogLockRecheckTime) {
        // never waits
    }

    @Override
    public boolean hasChangeLogLock() {
        return true;
    }

    @Override
    public void waitForLock() {
        // SQL is only written out, so there is nothing to protect
    }

    @Override
    public boolean acquireLock() {
        return true;
    }

    @Override
    public void releaseLock() {
        // the point of this class: leave whoever holds the real lock alone
    }

    @Override
    public DatabaseChangeLogLock[] listLocks() {
        return new DatabaseChangeLogLock[0];
    }

    @Override
    public void forceReleaseLock() {
        // never releases a real lock
    }

    @Override
    public void reset() {
        // stateless
    }

    @Override
    public void init() {
        // creates no lock table
    }

    @Override
    public void destroy() {
        // drops nothing
    }
}
