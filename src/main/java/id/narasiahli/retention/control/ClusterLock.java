package id.narasiahli.retention.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Once per cluster: every instance's timer fires, and the first to take this transaction-scoped advisory
 * lock runs; the others see it taken and skip. PostgreSQL releases it at commit or rollback, or when a
 * crashed instance's connection drops, so nothing is ever left locked. Instances need nothing but the shared database.
 */
public final class ClusterLock {

    /** "narasi" in ASCII followed by 0001; any bigint works as long as nothing else in the database uses it. */
    public static final long RETENTION = 0x6E61726173690001L;

    private ClusterLock() {
    }

    /** Call it on the connection of the transaction that does the work: the lock lives exactly as long as that transaction. */
    public static boolean tryLock(Connection connection, long key) throws SQLException {
        if (connection.getAutoCommit()) {
            // In auto-commit the lock would be released as soon as this SELECT ends, locking nothing.
            throw new IllegalStateException("The cluster lock needs a connection enlisted in a transaction");
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet taken = lock.executeQuery()) {
                return taken.next() && taken.getBoolean(1);
            }
        }
    }
}
