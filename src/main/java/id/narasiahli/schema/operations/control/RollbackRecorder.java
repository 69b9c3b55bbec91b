package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.liquibase.ErrorMessages;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** Logs and remembers each changeset Liquibase rolls back, and the one whose rollback failed. */
public class RollbackRecorder extends AbstractChangeExecListener {

    private static final Logger LOG = Logger.getLogger(RollbackRecorder.class.getName());

    private final List<ChangesetRef> rolledBack = new ArrayList<>();
    private ChangesetRef failed;

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
        ChangesetRef ref = ChangesetRef.of(changeSet);
        rolledBack.add(ref);
        LOG.info(() -> "Rolled back changeset " + ref);
    }

    @Override
    public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
        failed = ChangesetRef.of(changeSet);
        LOG.severe(() -> "Rolling back changeset " + failed + " failed: " + ErrorMessages.databaseError(exception));
    }

    public List<ChangesetRef> rolledBack() {
        return List.copyOf(rolledBack);
    }

    public ChangesetRef failed() {
        return failed;
    }
}
