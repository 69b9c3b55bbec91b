package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.platform.control.ApiException;

import java.util.List;

/**
 * A schema operation that cannot be done in the database's current state (409), or that failed while
 * running (a changeset's SQL). Mapped to problem+json like every {@link ApiException}.
 */
public class SchemaOperationException extends ApiException {

    private SchemaOperationException(int status, String type, String title, String detail) {
        super(status, type, title, detail, null, null);
    }

    private static SchemaOperationException refused(String type, String detail) {
        return new SchemaOperationException(409, type, "Conflict", detail);
    }

    public static SchemaOperationException locked(String holder) {
        return refused("migration-locked", "The migration lock is held by " + holder
                + "; nothing was changed. Wait for that migration to end, or release the lock"
                + " (DELETE /api/admin/schema/locks) if its holder is gone.");
    }

    public static SchemaOperationException busy(String running) {
        return refused("schema-operation-running", "Another schema operation is running on this instance ("
                + running + "); nothing was changed. Try again when it has finished.");
    }

    public static SchemaOperationException invalidChangelog(List<String> problems) {
        return refused("schema-validation-failed", "The changelog does not validate against the database, so nothing"
                + " was changed: " + String.join("; ", problems) + ". See GET /api/admin/schema/validation.");
    }

    public static SchemaOperationException rollbackImpossible(List<ChangesetRef> withoutRollback) {
        return refused("rollback-impossible", "Cannot roll back: " + (withoutRollback.size() == 1
                ? "changeset " + withoutRollback.get(0) + " has" : "changesets " + withoutRollback + " have")
                + " no rollback. Nothing was rolled back; add a --rollback in a new changeset or roll back less.");
    }

    public static SchemaOperationException confirmationRefused(String reason) {
        return refused("confirmation-refused", "Rollback refused, nothing was changed: " + reason
                + ". Ask for a new preview (POST /api/admin/schema/rollback/preview) and confirm with its token.");
    }

    public static SchemaOperationException tagExists(String tag) {
        return refused("tag-exists", "The tag '" + tag + "' is already in the database; tags name one state each");
    }

    public static SchemaOperationException alreadyTagged(ChangesetRef last, String tag) {
        return refused("tag-exists", "The current state is already tagged '" + tag + "' (on the last applied changeset "
                + last + "); a changeset carries one tag, and tagging it again would replace that one");
    }

    public static SchemaOperationException nothingApplied() {
        return refused("nothing-applied", "No changeset is applied, so there is no state to tag");
    }

    public static SchemaOperationException trackingTableMissing(String what) {
        return refused("schema-tables-missing", what);
    }

    public static SchemaOperationException changesetFailed(ChangesetRef changeset, String databaseError, int appliedBefore) {
        return refused("changeset-failed", "Changeset " + changeset + " failed: " + databaseError
                + ". Its transaction was rolled back; " + appliedBefore + " changesets before it were applied.");
    }

    public static SchemaOperationException destructiveBaseline(List<String> changesets) {
        return refused("destructive-baseline", "Refused, nothing was changed: this rollback includes " + changesets
                + ", which drops the accounts or the record of schema operations, in the production contexts."
                + " Roll it back with the command line's --allow-destructive-baseline if that is what you mean.");
    }

    public static SchemaOperationException backupRefused(String reason) {
        return refused("backup-refused", reason);
    }

    public static SchemaOperationException failed(String operation, String reason) {
        return refused("schema-operation-failed", operation + " failed: " + reason);
    }
}
