package id.narasiahli.schema.liquibase;

import liquibase.database.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The sessions holding the migration lock, a PostgreSQL session advisory lock (liquibase-sessionlock) keyed
 * like its PGLockService: the lock table's name and schema, hashed. The one place that knows that key, for
 * describing the holder to people and for ending it.
 */
public final class LockHolders {

    private static final String HELD = """
              FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.classid = ?::oid AND l.objid = ?::oid
            """;
    private static final String DESCRIBE = "SELECT a.application_name, a.pid, host(a.client_addr), a.state,"
            + " extract(epoch FROM now() - a.state_change)::bigint" + HELD;
    private static final String END = "SELECT count(pg_terminate_backend(l.pid))" + HELD + " AND l.pid <> pg_backend_pid()";

    private LockHolders() {
    }

    /** Who holds the lock now, for people: instance name, backend, client address, for how long; null when free. */
    public static String describe(Connection connection, Database database) throws SQLException {
        try (PreparedStatement query = prepare(connection, DESCRIBE, database); ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            String client = row.getString(3) == null ? "local socket" : row.getString(3);
            return String.format("'%s' (PostgreSQL backend %d, client %s, %s for %d s)", row.getString(1),
                    row.getInt(2), client, row.getString(4), row.getLong(5));
        }
    }

    /** Ends every other session holding the lock; returns how many. */
    static int end(Connection connection, Database database) throws SQLException {
        try (PreparedStatement query = prepare(connection, END, database); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Database database) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        query.setInt(1, database.getDatabaseChangeLogLockTableName().hashCode());
        query.setInt(2, database.getDefaultSchemaName().hashCode());
        return query;
    }
}
