package id.narasiahli.devserver;

import id.narasiahli.testsupport.payara.PayaraMicroCommand;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * README quick start, command 1 ({@code mvn -Prun package}): the service on http://localhost:8080 backed by
 * an embedded PostgreSQL whose data stays in target/dev-postgres, started with the production command.
 * Ctrl-C stops Payara Micro first, then PostgreSQL. With {@code -Dnarasi.dev.databaseOnly=true}
 * ({@code mvn -Pdev-db}) only PostgreSQL runs, for the build's Liquibase plugin.
 */
public final class DevServer {

    private static final String DATABASE = "narasi";
    private static final String ADMIN_EMAIL = "admin@narasi.local";

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("narasi.dev.projectDir", ".")).toAbsolutePath().normalize();
        int httpPort = Integer.parseInt(setting("HTTP_PORT", "8080"));
        int dbPort = Integer.parseInt(setting("DB_PORT", "15432"));
        Path dataDir = project.resolve("target/dev-postgres");
        Files.createDirectories(dataDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(dbPort)
                .start();
        createDatabaseIfMissing(postgres);
        System.out.printf("Embedded PostgreSQL on localhost:%d, database '%s', data in %s%n", dbPort, DATABASE, dataDir);
        if (Boolean.getBoolean("narasi.dev.databaseOnly")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "dev-database-stop"));
            System.out.println("Database only: mvn liquibase:status (and the other goals) work against it now. Ctrl-C stops it.");
            Thread.currentThread().join();
            return;
        }

        Map<String, String> environment = new HashMap<>(Map.of(
                "DB_HOST", "localhost",
                "DB_PORT", Integer.toString(dbPort),
                "DB_NAME", DATABASE,
                "DB_USER", "postgres",
                // The embedded server trusts local connections; this value opens nothing else.
                "DB_PASSWORD", "embedded-trust-auth",
                "DB_SSL", "disable",
                "NARASI_SCHEMA_CONTEXTS", setting("NARASI_SCHEMA_CONTEXTS", "dev"),
                "NARASI_AUTH_KEY_ENCRYPTION_KEY", setting("NARASI_AUTH_KEY_ENCRYPTION_KEY", devKeyEncryptionKey(project))));
        firstAdministrator(postgres).ifPresent(password -> {
            environment.put("NARASI_ADMIN_EMAIL", ADMIN_EMAIL);
            environment.put("NARASI_ADMIN_PASSWORD", password);
            System.out.printf("%nAdministrator for this development database: %s / %s%n"
                    + "(shown only now: it is created on this first start and kept in target/dev-postgres)%n%n", ADMIN_EMAIL, password);
        });
        Process payara = PayaraMicroCommand.fromBuild(project, httpPort)
                .processBuilder(environment)
                .inheritIO()
                .start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, postgres), "dev-server-stop"));
        int exit = payara.waitFor();
        System.exit(exit);
    }

    private static void stop(Process payara, EmbeddedPostgres postgres) {
        try {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(postgres);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("Stopping the embedded PostgreSQL failed: " + e.getMessage());
        }
    }

    /** A generated password when the development database has no administrator yet; empty otherwise. */
    private static Optional<String> firstAdministrator(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection();
             PreparedStatement exists = c.prepareStatement(
                     "SELECT 1 FROM users WHERE role = 'ADMIN' AND to_regclass('users') IS NOT NULL LIMIT 1")) {
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // no users table yet: the first start
                throw e;
            }
        }
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        }
    }

    /**
     * The development database's key-encryption key, generated on the first start and kept beside it, so the
     * signing key and the phone numbers (the seed data's too) are encrypted as in production. Delete it
     * together with target/dev-postgres: values it encrypted cannot be read without it.
     */
    private static String devKeyEncryptionKey(Path project) throws Exception {
        Path file = project.resolve("target/dev-key-encryption-key");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        }
        return Files.readString(file).trim();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private DevServer() {
    }
}
