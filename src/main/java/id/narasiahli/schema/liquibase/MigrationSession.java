package id.narasiahli.schema.liquibase;

import liquibase.database.Database;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * The PostgreSQL session that holds the migration lock. It names itself after this instance, so whoever
 * waits (and anyone reading pg_stat_activity) sees which instance migrates; and it asks the server to
 * check its client while a statement runs, because a session killed mid-statement otherwise keeps its
 * lock until that statement ends (a long index build, a sleep). The connection is pooled, so closing
 * undoes all of it before the pool hands the connection to a request.
 */
final class MigrationSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MigrationSession.class.getName());
    /** PostgreSQL 14+; how soon the server notices that the lock holder's process is gone. */
    private static final String CLIENT_CHECK_INTERVAL = "2s";
    private static final int NAME_LIMIT = 63; // NAMEDATALEN - 1

    private final Connection connection;
    private final Database database;
    private final boolean checksClient;

    private MigrationSession(Connection connection, Database database, boolean checksClient) {
        this.connection = connection;
        this.database = database;
        this.checksClient = checksClient;
    }

    static MigrationSession open(Connection connection, Database database) {
        try {
            boolean checksClient = connection.getMetaData().getDatabaseMajorVersion() >= 14;
            try (PreparedStatement set = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                // the pid first: a long host name is what gets cut at PostgreSQL's 63 characters
                set.setString(1, truncate("narasi-ahli migration pid " + ProcessHandle.current().pid() + " on " + hostName()));
                set.execute();
            }
            if (checksClient) {
                try (Statement set = connection.createStatement()) {
                    set.execute("SET client_connection_check_interval = '" + CLIENT_CHECK_INTERVAL + "'");
                }
            }
            MigrationSession session = new MigrationSession(connection, database, checksClient);
            session.endTransaction(); // SET inside a transaction that is later rolled back would be undone
            return session;
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot prepare the migration connection: " + e.getMessage(), e);
        }
    }

    /** Who holds the lock now, for people: instance name, backend, client address, for how long. */
    String lockHolder() {
        try {
            String holder = LockHolders.describe(connection, database);
            return holder == null ? "another session, which has just released it" : holder;
        } catch (SQLException e) {
            return "another instance (" + e.getMessage() + ")";
        } finally {
            endTransaction();
        }
    }

    void endTransaction() {
        try {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            LOG.fine(() -> "Ending the migration session's transaction: " + e.getMessage());
        }
    }

    /** No session lock, name or setting of ours may reach the pool's next borrower. */
    @Override
    public void close() {
        try (Statement statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            statement.execute("SELECT pg_advisory_unlock_all()");
            statement.execute("RESET application_name");
            if (checksClient) {
                statement.execute("RESET client_connection_check_interval");
            }
            endTransaction();
        } catch (SQLException e) {
            LOG.warning(() -> "Cleaning the migration connection failed: " + e.getMessage());
        }
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }

    private static String truncate(String name) {
        return name.length() <= NAME_LIMIT ? name : name.substring(0, NAME_LIMIT);
    }
}
