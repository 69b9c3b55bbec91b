package id.narasiahli.schema;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The development seed data: context dev only, idempotent, and none of its accounts has a known password. */
class DevSeedIT {

    private static final String SEED_ID = "20261121140300_seed_dev_data";
    private static final String SEED_FILE = "liquibase/changelog/" + SEED_ID + ".sql";
    /** The password the first version of the seed used; no seeded account may open with it (or any known one). */
    private static final String FORMER_DEV_PASSWORD = "Dev-Narasi-2026!";
    private static final String SEED_COUNTS = "SELECT (SELECT count(*) FROM users WHERE email LIKE '%@dev.narasi.test') || ' users, '"
            + " || (SELECT count(*) FROM education_histories) || ' educations, ' || (SELECT count(*) FROM work_histories)"
            + " || ' jobs, ' || (SELECT count(*) FROM research_journals) || ' journals'";

    @Test
    void productionContextsNeverApplyTheSeedData() throws SQLException {
        String database = TestDatabase.createDatabase("seed_production");
        Changelogs.update(database);

        assertEquals("0 users, 0 educations, 0 jobs, 0 journals", text(database, SEED_COUNTS));
        assertEquals("0", text(database, "SELECT count(*) FROM databasechangelog WHERE id = '" + SEED_ID + "'"));
        assertEquals(Changelogs.changesets().size() - 1, Changelogs.productionChangesets().size(), "only the seed is left out");
    }

    @Test
    void theDevContextAppliesItAndRunningItAgainAddsNothing() throws Exception {
        String database = TestDatabase.createDatabase("seed_dev");
        Changelogs.update(database, Changelogs.MASTER, "dev");
        assertEquals("4 users, 4 educations, 4 jobs, 2 journals", text(database, SEED_COUNTS));
        assertEquals("0", text(database, "SELECT count(*) FROM users WHERE role = 'ADMIN'"), "no seeded administrator");

        // the changeset's SQL once more, as on a database that already holds the data
        TestDatabase.execute(database, seedSql());
        assertEquals("4 users, 4 educations, 4 jobs, 2 journals", text(database, SEED_COUNTS));
    }

    @Test
    void itsRollbackRemovesTheSeedAccountsAndNothingElse() throws SQLException {
        String database = TestDatabase.createDatabase("seed_rollback");
        Changelogs.update(database);
        TestDatabase.execute(database, "INSERT INTO users (fullname, email, password_hash) VALUES ('Real', 'real@example.com', 'h')");
        Changelogs.update(database, Changelogs.MASTER, "dev");

        Changelogs.rollbackCount(database, 1, "dev");
        assertEquals("0 users, 0 educations, 0 jobs, 0 journals", text(database, SEED_COUNTS));
        assertEquals("1", text(database, "SELECT count(*) FROM users"));
        assertEquals("0", text(database, "SELECT count(*) FROM databasechangelog WHERE id = '" + SEED_ID + "'"));
    }

    @Test
    void seedAccountsHaveNoKnownPassword() throws Exception {
        String database = TestDatabase.createDatabase("seed_password");
        Changelogs.update(database, Changelogs.MASTER, "dev");
        String stored = text(database, "SELECT password_hash FROM users WHERE email = 'siti@dev.narasi.test'");
        // Jakarta Security's PBKDF2 encoding, as accounts.control.Passwords verifies it: algorithm:iterations:salt:hash
        String[] parts = stored.split(":");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = SecretKeyFactory.getInstance(parts[0])
                .generateSecret(new PBEKeySpec(FORMER_DEV_PASSWORD.toCharArray(), salt, Integer.parseInt(parts[1]), expected.length * 8))
                .getEncoded();
        assertEquals("PBKDF2WithHmacSHA512:210000", parts[0] + ":" + parts[1], "a well-formed hash, so login answers 401, not 500");
        assertFalse(java.util.Arrays.equals(expected, actual));
        assertEquals("1", text(database, "SELECT count(DISTINCT password_hash) FROM users WHERE email LIKE '%@dev.narasi.test'"));
    }

    private static String seedSql() throws Exception {
        return Files.readAllLines(Path.of(SEED_FILE)).stream().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
    }

    private static String text(String database, String query) throws SQLException {
        try (Connection c = TestDatabase.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
