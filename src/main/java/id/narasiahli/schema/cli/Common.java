package id.narasiahli.schema.cli;

import id.narasiahli.schema.backup.DatabaseDump;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import picocli.CommandLine.Option;

import java.io.Console;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * The options every command takes: where the database is (the server's DB_* variables, or --url/--user), which
 * changelog and contexts (the server's defaults), and --json. The password comes from DB_PASSWORD or a prompt on
 * the terminal, never from an argument, which every user of the machine could read in the process list.
 */
final class Common {

    @Option(names = "--url", description = "JDBC URL (default: built from DB_HOST, DB_PORT, DB_NAME, DB_SSL)")
    String url;

    @Option(names = "--user", description = "database user (default: DB_USER)")
    String user;

    @Option(names = "--json", description = "one JSON document on standard output, for scripts")
    boolean json;

    @Option(names = "--contexts", defaultValue = "${env:NARASI_SCHEMA_CONTEXTS:-production}",
            description = "Liquibase contexts, as the server's narasi.schema.contexts (default: ${DEFAULT-VALUE})")
    String contexts;

    @Option(names = "--changelog-file", defaultValue = "${env:NARASI_SCHEMA_CHANGELOG:-liquibase/db.changelog-master.xml}",
            description = "master changelog on the class path (default: ${DEFAULT-VALUE})")
    String changelogFile;

    @Option(names = "--lock-wait", defaultValue = "${env:NARASI_SCHEMA_LOCK_WAIT_SECONDS:-300}",
            description = "seconds to wait while another instance or command holds the migration lock (default: ${DEFAULT-VALUE})")
    long lockWaitSeconds;

    @Option(names = "--retention-days", defaultValue = "${env:NARASI_BACKUP_RETENTION_DAYS:-30}",
            description = "days a table-level backup is kept before a later backup purges it (default: ${DEFAULT-VALUE})")
    int retentionDays;

    private String password;
    private boolean passwordAsked;

    Output output() {
        return new Output(json, System.out);
    }

    Duration lockWait() {
        return Duration.ofSeconds(lockWaitSeconds);
    }

    String jdbcUrl() {
        if (url != null && !url.isBlank()) {
            return url;
        }
        return "jdbc:postgresql://" + env("DB_HOST", "localhost") + ":" + env("DB_PORT", "5432") + "/" + env("DB_NAME", "narasi")
                + "?sslmode=" + env("DB_SSL", "prefer");
    }

    String userName() {
        if (user != null && !user.isBlank()) {
            return user;
        }
        String fromUrl = properties().getProperty("user");
        return fromUrl != null ? fromUrl : env("DB_USER", "narasi");
    }

    /** Named in the audit as the server names an administrator: the OS user, here with the host. */
    static String actor() {
        return System.getProperty("user.name", "unknown") + "@" + host();
    }

    /** For people: the URL and user, never the password. */
    String describe() {
        return jdbcUrl().replaceAll("(?i)password=[^&]*", "password=***") + " as " + userName();
    }

    /**
     * A new connection named after this command (pg_stat_activity, and the lock holder a waiting server reports).
     * Asks for the password on the terminal when the server wants one and DB_PASSWORD is not set.
     */
    Connection connect(String command) {
        Properties properties = new Properties();
        properties.setProperty("user", userName());
        properties.setProperty("ApplicationName", cut("narasi-schema " + command + " pid " + ProcessHandle.current().pid()
                + " on " + host()));
        String given = password();
        if (given != null) {
            properties.setProperty("password", given);
        }
        try {
            return DriverManager.getConnection(jdbcUrl(), properties);
        } catch (SQLException e) {
            boolean wantsPassword = "28P01".equals(e.getSQLState()) || "08004".equals(e.getSQLState())
                    || String.valueOf(e.getMessage()).contains("password");
            Console console = System.console();
            if (wantsPassword && given == null && console != null && !passwordAsked) {
                passwordAsked = true;
                char[] typed = console.readPassword("Password for %s: ", userName());
                password = typed == null ? null : new String(typed);
                return connect(command);
            }
            throw new CommandFailure("Cannot connect to " + describe() + ": " + e.getMessage() + " Check DB_HOST, DB_PORT,"
                    + " DB_NAME, DB_USER, DB_PASSWORD (or --url/--user) and that PostgreSQL accepts connections.", e);
        }
    }

    /** The same database for pg_dump and pg_restore, which take it from PGHOST, PGPORT, ... */
    DatabaseDump.Target dumpTarget() {
        Properties parsed = properties();
        return new DatabaseDump.Target(parsed.getProperty("PGHOST", "localhost"), parsed.getProperty("PGPORT", "5432"),
                parsed.getProperty("PGDBNAME"), userName(), password(), parsed.getProperty("sslmode"));
    }

    /**
     * Whether {@code typed} is the password this command connects with, compared in constant time; true when it
     * connects without one (trust, peer or certificate authentication: that login is then the only check).
     */
    boolean isConnectionPassword(String typed) {
        String expected = password();
        if (expected == null || expected.isEmpty()) {
            return true;
        }
        return typed != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                typed.getBytes(StandardCharsets.UTF_8));
    }

    boolean connectsWithPassword() {
        String given = password();
        return given != null && !given.isEmpty();
    }

    boolean production() {
        return LiquibaseSession.isProduction(contexts);
    }

    private String password() {
        if (password == null) {
            String fromUrl = properties().getProperty("password");
            password = fromUrl != null ? fromUrl : System.getenv("DB_PASSWORD");
        }
        return password;
    }

    private Properties properties() {
        Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl(), new Properties());
        if (parsed == null) {
            throw new UsageException("Not a PostgreSQL JDBC URL: " + describe());
        }
        return parsed;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String host() {
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

    private static String cut(String name) {
        return name.length() <= 63 ? name : name.substring(0, 63);
    }
}
