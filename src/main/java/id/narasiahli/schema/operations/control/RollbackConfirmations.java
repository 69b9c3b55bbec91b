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

    private record Stored(int actorId, String target, String digest, Instant expiresAt, Instant usedAt) {
    }

    public Issued issue(Actor actor, RollbackPlan plan) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(ttlMinutes));
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection.prepareStatement(
                    "DELETE FROM schema_rollback_confirmations WHERE expires_at < now() - interval '1 day'")) {
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_rollback_confirmations"
                    + " (token_hash, actor_id, target, preview_digest, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(token));
                insert.setInt(2, actor.id());
                insert.setString(3, plan.target().key());
                insert.setString(4, plan.digest());
                insert.setTimestamp(5, Timestamp.from(expiresAt));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return new Issued(token, expiresAt);
    }

    /** Refuses, saying why, unless {@code token} confirms exactly {@code plan} for {@code actor}. */
    public void verify(String token, Actor actor, RollbackPlan plan) {
        Stored stored = find(token);
        if (stored == null) {
            throw SchemaOperationException.confirmationRefused("the confirmation token is not one a rollback preview issued");
        }
        if (stored.usedAt() != null) {
            throw SchemaOperationException.confirmationRefused("the confirmation token was already used at " + stored.usedAt());
        }
        if (stored.expiresAt().isBefore(Instant.now())) {
            throw SchemaOperationException.confirmationRefused("the confirmation token expired at " + stored.expiresAt());
        }
        if (actor.id() == null || stored.actorId() != actor.id()) {
            throw SchemaOperationException.confirmationRefused("the confirmation token was issued to another administrator");
        }
        if (!stored.target().equals(plan.target().key())) {
            throw SchemaOperationException.confirmationRefused("the confirmation token confirms a rollback " + stored.target()
                    + ", not " + plan.target().key());
        }
        if (!stored.digest().equals(plan.digest())) {
            throw SchemaOperationException.confirmationRefused("the database changed since the preview (a changeset was applied,"
                    + " rolled back or tagged), so the rollback would no longer be the one reviewed");
        }
    }

    /** Spends the token; refuses if another request spent it first. */
    public void consume(String token) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE schema_rollback_confirmations SET used_at = now()"
                     + " WHERE token_hash = ? AND used_at IS NULL")) {
            update.setString(1, hash(token));
            if (update.executeUpdate() != 1) {
                throw SchemaOperationException.confirmationRefused("the confirmation token was already used");
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private Stored find(String token) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT actor_id, target, preview_digest, expires_at, used_at"
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
        } catch (SQLException e) {
            throw unavailable(e);
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
