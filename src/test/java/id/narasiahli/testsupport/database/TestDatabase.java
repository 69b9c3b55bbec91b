package id.narasiahli.testsupport.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (embedded binaries from Maven Central). Every test that
 * needs isolation gets its own database in it; the Arquillian deployment uses {@link #DEPLOYMENT_DATABASE}.
 * The port comes from {@code DB_PORT} (reserved by the build and inherited by every Payara Micro the tests start).
 */
public final class TestDatabase {

    /** The database the shared Arquillian deployment migrates: the failsafe environment's DB_NAME. */
    public static final String DEPLOYMENT_DATABASE = envOr("DB_NAME", "narasi_it");
    public static final String USER = "postgres";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                String port = System.getenv("DB_PORT");
                if (port != null) {
                    builder.setPort(Integer.parseInt(port));
                }
                server = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
        }
        return server;
    }

    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going away; the data directory is a temporary one
            }
            server = null;
        }
    }

    public static int port() {
        return server().getPort();
    }

    /** Creates an empty database with a unique name derived from {@code prefix} and returns that name. */
    public static String createDatabase(String prefix) {
        String name = (prefix + "_" + COUNTER.incrementAndGet()).toLowerCase();
        createDatabaseNamed(name);
        return name;
    }

    public static void createDatabaseNamed(String name) {
        execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute("postgres", "CREATE DATABASE " + name);
    }

    public static DataSource dataSource(String database) {
        return server().getDatabase(USER, database);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=" + USER;
    }

    public static void execute(String database, String sql) {
        try (Connection c = dataSource(database).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code sql} on {@code database}, as text (null when no row). */
    public static String queryValue(String database, String sql) {
        try (Connection c = dataSource(database).getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
