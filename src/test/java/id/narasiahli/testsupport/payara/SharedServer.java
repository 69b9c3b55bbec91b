package id.narasiahli.testsupport.payara;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.database.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * One Payara Micro for every black-box API test in the test JVM (started by the production command on
 * first use, stopped when the JVM ends), so Payara boots once, not once per test class. It runs against
 * its own database with a known administrator and trusts X-Forwarded-For, so tests can act from distinct
 * client addresses (throttling is per address).
 */
public final class SharedServer {

    public static final String DATABASE = "narasi_api";
    public static final String ADMIN_EMAIL = "admin@narasi.test";
    public static final String ADMIN_PASSWORD = "Adm1n-Test-Passphrase";

    private static PayaraMicroProcess server;

    private SharedServer() {
    }

    public static synchronized PayaraMicroProcess get() {
        if (server == null) {
            TestDatabase.createDatabaseNamed(DATABASE);
            server = PayaraMicroProcess.start("shared-api-server", DATABASE, Map.of(
                    "NARASI_ADMIN_EMAIL", ADMIN_EMAIL,
                    "NARASI_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "NARASI_HTTP_TRUST_FORWARDED_FOR", "true",
                    // key rotation tests wait for the refresh; production keeps the default 30 s
                    "NARASI_AUTH_VERIFICATION_KEY_REFRESH_SECONDS", "1",
                    // fewer PBKDF2 rounds keep the suite fast; production keeps the default 210,000
                    "NARASI_AUTH_PBKDF2_ITERATIONS", "20000"));
            if (server.get("/health/ready").statusCode() != 200) {
                java.nio.file.Path log = server.logFile();
                server.close();
                server = null;
                throw new IllegalStateException("The shared API server did not become ready; log: " + log);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServer::stop));
        }
        return server;
    }

    /**
     * {@code environment} plus this server's administrator and its fewer PBKDF2 rounds: for a test's own server whose
     * admin API it calls with {@code new Api(uri).admin()}.
     */
    public static Map<String, String> withAdministrator(Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("NARASI_ADMIN_EMAIL", ADMIN_EMAIL, "NARASI_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "NARASI_AUTH_PBKDF2_ITERATIONS", "20000"));
        all.putAll(environment);
        return all;
    }

    public static Api api() {
        return new Api(get().baseUri());
    }

    private static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The first column of the first row of {@code sql} on the shared server's database, as text (null when no row). */
    public static String queryValue(String sql, Object... parameters) {
        try (Connection c = TestDatabase.dataSource(DATABASE).getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
