package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.ErrorMessages;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.liquibase.MigrationLock;
import liquibase.lockservice.DatabaseChangeLogLock;

import java.util.List;

/**
 * The migration lock, taken for one admin operation before its Liquibase command runs, with no waiting:
 * if another instance holds it the operation is refused at once. It is the core's {@link MigrationLock}
 * (the startup migration's lock, on a session named after this instance); Liquibase's commands in the same
 * session find it held by their lock service and run under it.
 */
public final class HeldLock implements AutoCloseable {

    private final MigrationLock lock;

    private HeldLock(MigrationLock lock) {
        this.lock = lock;
    }

    public static HeldLock take(LiquibaseSession session) {
        MigrationLock lock = session.migrationLock();
        boolean acquired;
        try {
            acquired = lock.tryAcquire();
        } catch (RuntimeException e) {
            lock.close();
            throw SchemaOperationException.failed("Taking the migration lock", ErrorMessages.rootMessage(e));
        }
        if (!acquired) {
            lock.close();
            throw SchemaOperationException.locked(holder(session.locks()));
        }
        return new HeldLock(lock);
    }

    /**
     * Takes the lock again after a Liquibase command released it (the lock-wait retry of an apply), refusing at
     * once if another instance took it in between.
     */
    public void retake() {
        if (!lock.tryAcquire()) {
            throw SchemaOperationException.locked(lock.holder());
        }
    }

    public static String holder(List<DatabaseChangeLogLock> locks) {
        if (locks.isEmpty()) {
            return "another session";
        }
        DatabaseChangeLogLock lock = locks.get(0);
        return lock.getLockedBy() + (lock.getLockGranted() == null ? "" : " since " + lock.getLockGranted().toInstant());
    }

    @Override
    public void close() {
        lock.close();
    }
}
