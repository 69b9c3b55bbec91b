package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.ErrorMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
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
import java.util.HexFormat;

/**
 * Confirmation tokens for rollbacks. A preview issues a random token and stores its hash with the
 * preview's {@link RollbackPlan#digest() digest}, the target and the administrator; the rollback runs only
 * when the same administrator brings the token back for the same target, before it expires, unused, and
 * the plan computed afresh still has the same digest. Kept in the database, so any instance behind a load
 * balancer accepts a token any other issued, and a restart does not void it.
 */
@ApplicationScoped
public class RollbackConfirmations {

    public static final String TTL_SETTING = "narasi.schema.rollback-confirmation-minutes";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = TTL_SETTING, defaultValue = "15")
    long ttlMinutes;

    public record Issued(String token, Instant expiresAt) {
    }

    /** A token as kept: its hash only, with whom it was issued to and what it confirms. */
    public record Stored(int actorId, String target, String digest, Instant expiresAt, Instant usedAt) {
    }

    public Issued issue(Actor actor, RollbackPlan plan) {
        try (Connection connection = dataSource.getConnection()) {
            return issue(connection, actor.id(), plan.target().key(), plan.digest(), Duration.ofMinutes(ttlMinutes));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Refuses, saying why, unless {@code token} confirms exactly {@code plan} for {@code actor}. */
    public void verify(String token, Actor actor, RollbackPlan plan) {
        Stored stored;
        try (Connection connection = dataSource.getConnection()) {
            stored = find(connection, token);
        } catch (SQLException e) {
            throw unavailable(e);
        }
        String refusal = refusal(stored, actor.id(), plan.target().key(), plan.digest(), "the confirmation token was issued to another administrator");
        if (refusal != null) {
            throw SchemaOperationException.confirmationRefused(refusal);
        }
    }

    /** Spends the token; refuses if another request spent it first. */
    public void consume(String token) {
        try (Connection connection = dataSource.getConnection()) {
            if (!spend(connection, token)) {
                throw SchemaOperationException.confirmationRefused("the confirmation token was already used");
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Issues a token on the caller's connection (the command line has no datasource) for {@code actorId}, keeping
     * only its hash; tokens expired for a day are purged on the way.
     */
    public static Issued issue(Connection connection, int actorId, String target, String digest, Duration ttl) throws SQLException {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = Instant.now().plus(ttl);
        try (PreparedStatement purge = connection.prepareStatement(
                "DELETE FROM schema_rollback_confirmations WHERE expires_at < now() - interval '1 day'")) {
            purge.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_rollback_confirmations"
                + " (token_hash, actor_id, target, preview_digest, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, hash(token));
            insert.setInt(2, actorId);
            insert.setString(3, target);
            insert.setString(4, digest);
            insert.setTimestamp(5, Timestamp.from(expiresAt));
            insert.executeUpdate();
        }
        return new Issued(token, expiresAt);
    }

    /** The token as kept, or null when no preview issued it. */
    public static Stored find(Connection connection, String token) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT actor_id, target, preview_digest, expires_at, used_at"
                + " FROM schema_rollback_confirmations WHERE token_hash = ?")) {
            query.setString(1, hash(token));
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                Timestamp used = rows.getTimestamp(5);
                return new Stored(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getTimestamp(4).toInstant(),
                        used == null ? null : used.toInstant());
            }
        }
    }

    /**
     * Why {@code stored} does not confirm the rollback {@code target} with {@code digest} for {@code actorId}
     * ({@code otherActor} when it belongs to someone else); null when it does.
     */
    public static String refusal(Stored stored, Integer actorId, String target, String digest, String otherActor) {
        if (stored == null) {
            return "the confirmation token is not one a rollback preview issued";
        }
        if (stored.usedAt() != null) {
            return "the confirmation token was already used at " + stored.usedAt();
        }
        if (stored.expiresAt().isBefore(Instant.now())) {
            return "the confirmation token expired at " + stored.expiresAt();
        }
        if (actorId == null || stored.actorId() != actorId) {
            return otherActor;
        }
        if (!stored.target().equals(target)) {
            return "the confirmation token confirms a rollback " + stored.target() + ", not " + target;
        }
        if (!stored.digest().equals(digest)) {
            return "the database changed since the preview (a changeset was applied, rolled back or tagged), so the"
                    + " rollback would no longer be the one reviewed";
        }
        return null;
    }

    /** Marks the token used; false when it already was (another request spent it first). */
    public static boolean spend(Connection connection, String token) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE schema_rollback_confirmations SET used_at = now()"
                + " WHERE token_hash = ? AND used_at IS NULL")) {
            update.setString(1, hash(token));
            return update.executeUpdate() == 1;
        }
    }

    private static SchemaOperationException unavailable(SQLException e) {
        if ("42P01".equals(e.getSQLState())) {
            return SchemaOperationException.trackingTableMissing("Rollbacks need schema_rollback_confirmations, whose changeset"
                    + " is not applied in this database; apply it first or roll back with the build's Liquibase plugin");
        }
        return SchemaOperationException.failed("Keeping the confirmation token", ErrorMessages.oneLine(e));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
