package id.narasiahli.schema.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The server's bookkeeping tables written from the command line, with the same SQL as the container beans
 * (schema.control OperationAudit, ChangesetDurations, RollbackConfirmations), which need CDI: the audit
 * (actor = OS user and host; written before the operation runs, then completed), the measured durations
 * (applied_by {@value #APPLIED_BY}) and rollback confirmation tokens (actor id {@value #ACTOR_ID}, no account).
 * Each write uses a connection of its own in auto-commit, as the server's do.
 */
final class Records {

    static final String APPLIED_BY = "command-line";
    /** No user account issues a command-line token: ids of users start at 1. */
    static final int ACTOR_ID = 0;
    private static final int MAX_TEXT = 4000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Connection> connections;
    private String operation;
    private String request;

    Records(Supplier<Connection> connections) {
        this.connections = connections;
    }


    /**
     * The audit row of an operation about to run, written before it runs; {@link #finish} completes it. Null when
     * the table is missing (a new database): {@link #finish} then writes the whole row after the operation.
     */
    Long start(String operation, String request) {
        this.operation = operation;
        this.request = request;
        return insert(operation, request, "FAILED", "started at " + Instant.now() + "; the command did not report an outcome", true);
    }

    void finish(Long auditId, String outcome, String detail) {
        if (auditId == null) {
            if (operation != null) {
                insert(operation, request, outcome, detail, false);
            }
            return;
        }
        try (Connection c = connections.get(); PreparedStatement update = c.prepareStatement(
                "UPDATE schema_operation_audit SET outcome = ?, detail = ? WHERE id = ?")) {
            update.setString(1, outcome);
            update.setString(2, cut(detail));
            update.setLong(3, auditId);
            update.executeUpdate();
        } catch (SQLException e) {
            // the operation may have dropped the table (a rollback past its changeset): the output says what happened
        }
    }

    private Long insert(String operation, String request, String outcome, String detail, boolean before) {
        try (Connection c = connections.get(); PreparedStatement insert = c.prepareStatement("INSERT INTO schema_operation_audit"
                + " (actor_id, actor_name, operation, request, outcome, detail, instance) VALUES (NULL, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
            insert.setString(1, Common.actor());
            insert.setString(2, operation);
            insert.setString(3, cut(request));
            insert.setString(4, outcome);
            insert.setString(5, cut(detail));
            insert.setString(6, "narasi-schema command line, pid " + ProcessHandle.current().pid());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            if (!before) {
                System.err.println("note: schema_operation_audit not written (" + e.getMessage().lines().findFirst().orElse("")
                        + "); this output is the only record");
            }
            return null;
        }
    }

    /** Same statement as ChangesetDurations.record: the deployment id is read back from the changeset's row. */
    void durations(List<String[]> applied) {
        if (applied.isEmpty() || !exists("schema_changeset_durations")) {
            return; // an update that stops before the durations changeset has nowhere to record them
        }
        try (Connection c = connections.get(); PreparedStatement insert = c.prepareStatement("INSERT INTO schema_changeset_durations"
                + " (filename, changeset_id, author, deployment_id, exectype, duration_ms, applied_by)"
                + " SELECT ?, ?, ?, (SELECT max(deployment_id) FROM databasechangelog WHERE filename = ? AND id = ? AND author = ?),"
                + " ?, ?, ?")) {
            for (String[] change : applied) {
                for (int i = 0; i < 3; i++) {
                    insert.setString(1 + i, change[i]);
                    insert.setString(4 + i, change[i]);
                }
                insert.setString(7, change[3]);
                insert.setLong(8, Long.parseLong(change[4]));
                insert.setString(9, APPLIED_BY);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            System.err.println("note: durations not recorded (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Every measured duration by "file::id::author::deploymentId"; empty when the table does not exist. */
    Map<String, Long> durations() {
        Map<String, Long> all = new HashMap<>();
        try (Connection c = connections.get(); PreparedStatement query = c.prepareStatement("SELECT filename, changeset_id,"
                + " author, deployment_id, duration_ms FROM schema_changeset_durations ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                all.put(rows.getString(1) + "::" + rows.getString(2) + "::" + rows.getString(3) + "::" + rows.getString(4),
                        rows.getLong(5));
            }
        } catch (SQLException e) {
            // no table yet: no durations
        }
        return all;
    }

    record Token(String token, Instant expiresAt) {
    }

    /** A token confirming the rollback {@code targetKey} whose plan has {@code digest}, kept as a hash only. */
    Token issue(String targetKey, String digest, Duration ttl) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = Instant.now().plus(ttl);
        try (Connection c = connections.get()) {
            try (PreparedStatement purge = c.prepareStatement(
                    "DELETE FROM schema_rollback_confirmations WHERE expires_at < now() - interval '1 day'")) {
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO schema_rollback_confirmations"
                    + " (token_hash, actor_id, target, preview_digest, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(token));
                insert.setInt(2, ACTOR_ID);
                insert.setString(3, targetKey);
                insert.setString(4, digest);
                insert.setTimestamp(5, Timestamp.from(expiresAt));
                insert.executeUpdate();
            }
            return new Token(token, expiresAt);
        } catch (SQLException e) {
            throw new CommandFailure("Cannot keep a confirmation token in schema_rollback_confirmations (" + e.getMessage()
                    + "); confirm on a terminal with y instead", e);
        }
    }

    /** Refuses, saying why, unless {@code token} confirms exactly this rollback; then spends it. */
    void confirm(String token, String targetKey, String digest) {
        try (Connection c = connections.get()) {
            try (PreparedStatement query = c.prepareStatement("SELECT actor_id, target, preview_digest, expires_at, used_at"
                    + " FROM schema_rollback_confirmations WHERE token_hash = ?")) {
                query.setString(1, hash(token));
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw refused("the token is not one a rollback preview issued");
                    }
                    if (row.getTimestamp(5) != null) {
                        throw refused("the token was already used at " + row.getTimestamp(5).toInstant());
                    }
                    if (row.getTimestamp(4).toInstant().isBefore(Instant.now())) {
                        throw refused("the token expired at " + row.getTimestamp(4).toInstant());
                    }
                    if (row.getInt(1) != ACTOR_ID) {
                        throw refused("the token was issued to an administrator of the admin API, not to the command line");
                    }
                    if (!row.getString(2).equals(targetKey)) {
                        throw refused("the token confirms a rollback " + row.getString(2) + ", not " + targetKey);
                    }
                    if (!row.getString(3).equals(digest)) {
                        throw refused("the database changed since the preview (a changeset was applied, rolled back or tagged),"
                                + " so the rollback would no longer be the one reviewed");
                    }
                }
            }
            try (PreparedStatement spend = c.prepareStatement("UPDATE schema_rollback_confirmations SET used_at = now()"
                    + " WHERE token_hash = ? AND used_at IS NULL")) {
                spend.setString(1, hash(token));
                if (spend.executeUpdate() != 1) {
                    throw refused("the token was already used");
                }
            }
        } catch (SQLException e) {
            throw new CommandFailure("Cannot check the confirmation token: " + e.getMessage(), e);
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

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
