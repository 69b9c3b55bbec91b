package id.narasiahli.schema.cli;

import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.migration.control.ChangesetDurations;
import id.narasiahli.schema.migration.control.ChangesetTimer.AppliedChangeset;
import id.narasiahli.schema.operations.control.OperationAudit;
import id.narasiahli.schema.operations.control.OperationAudit.Outcome;
import id.narasiahli.schema.operations.control.RollbackConfirmations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The server's bookkeeping tables written from the command line, through the same statements the server's beans
 * use on a connection of their caller ({@link OperationAudit}, {@link ChangesetDurations}, {@link RollbackConfirmations}):
 * the audit (actor = OS user and host; written STARTED before the operation runs, then completed), the measured
 * durations (applied_by {@value #APPLIED_BY}) and rollback confirmation tokens (actor id {@value #ACTOR_ID}, no
 * account). Each write uses a connection of its own in auto-commit, as the server's do.
 */
final class Records {

    static final String APPLIED_BY = "command-line";
    /** No user account issues a command-line token: ids of users start at 1. */
    static final int ACTOR_ID = 0;
    private static final String INSTANCE = "narasi-schema command line, pid " + ProcessHandle.current().pid();

    private final Supplier<Connection> connections;
    private String operation;
    private String request;

    Records(Supplier<Connection> connections) {
        this.connections = connections;
    }

    /**
     * The audit row of an operation about to run, written before it runs; {@link #finish} completes it. Null when
     * it cannot be written yet (a new database without the table): {@link #finish} then writes the whole row.
     */
    Long start(String operation, String request) {
        this.operation = operation;
        this.request = request;
        try (Connection c = connections.get()) {
            return OperationAudit.insert(c, null, Common.actor(), operation, request, Outcome.STARTED, null, INSTANCE);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    void finish(Long auditId, String outcome, String detail) {
        Outcome ended = Outcome.valueOf(outcome);
        try (Connection c = connections.get()) {
            if ((auditId == null || !OperationAudit.complete(c, auditId, ended, detail)) && operation != null) {
                OperationAudit.insert(c, null, Common.actor(), operation, request, ended, detail, INSTANCE);
            }
        } catch (SQLException | RuntimeException e) {
            // the operation may have dropped the table (a rollback past its changeset): the output is the only record
            System.err.println("note: schema_operation_audit not written (" + firstLine(e) + "); this output is the only record");
        }
    }

    /** The durations of what an update applied: file, id, author, exec type, milliseconds. */
    void durations(List<String[]> applied) {
        if (applied.isEmpty() || !exists("schema_changeset_durations")) {
            return; // an update that stops before the durations changeset has nowhere to record them
        }
        List<AppliedChangeset> rows = applied.stream().map(change -> new AppliedChangeset(
                new ChangesetRef(change[0], change[1], change[2]), change[3], Long.parseLong(change[4]))).toList();
        try (Connection c = connections.get()) {
            ChangesetDurations.record(c, rows, APPLIED_BY);
        } catch (SQLException | RuntimeException e) {
            System.err.println("note: durations not recorded (" + firstLine(e) + ")");
        }
    }

    /** Every measured duration by "file::id::author::deploymentId"; empty when the table does not exist. */
    Map<String, Long> durations() {
        Map<String, Long> all = new HashMap<>();
        try (Connection c = connections.get()) {
            ChangesetDurations.all(c).forEach((key, millis) ->
                    all.put(key.file() + "::" + key.id() + "::" + key.author() + "::" + key.deploymentId(), millis));
        } catch (SQLException | RuntimeException e) {
            // no database to read them from: no durations
        }
        return all;
    }

    /** A token confirming the rollback {@code targetKey} whose plan has {@code digest}, kept as a hash only. */
    RollbackConfirmations.Issued issue(String targetKey, String digest, Duration ttl) {
        try (Connection c = connections.get()) {
            return RollbackConfirmations.issue(c, ACTOR_ID, targetKey, digest, ttl);
        } catch (SQLException e) {
            throw new CommandFailure("Cannot keep a confirmation token in schema_rollback_confirmations (" + firstLine(e)
                    + "); confirm on a terminal with y instead", e);
        }
    }

    /** Refuses, saying why, unless {@code token} confirms exactly this rollback; then spends it. */
    void confirm(String token, String targetKey, String digest) {
        try (Connection c = connections.get()) {
            String refusal = RollbackConfirmations.refusal(RollbackConfirmations.find(c, token), ACTOR_ID, targetKey, digest,
                    "the confirmation token was issued to an administrator of the admin API, not to the command line");
            if (refusal != null) {
                throw refused(refusal);
            }
            if (!RollbackConfirmations.spend(c, token)) {
                throw refused("the confirmation token was already used");
            }
        } catch (SQLException e) {
            throw new CommandFailure("Cannot check the confirmation token: " + firstLine(e), e);
        }
    }

    private boolean exists(String table) {
        try (Connection c = connections.get(); PreparedStatement query = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static CommandFailure refused(String reason) {
        return new CommandFailure("Rollback refused, nothing was changed: " + reason
                + ". Run the rollback without --confirm for a new preview and token.");
    }

    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
}
