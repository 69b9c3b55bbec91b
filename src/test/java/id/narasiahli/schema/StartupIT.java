package id.narasiahli.schema;

import id.narasiahli.accounts.control.Pem;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.payara.Measured;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.database.SchemaSnapshot;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.payara.TestWar;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the service starts with the production command (a separate Payara Micro process per test, the real
 * post-boot datasource, DB_* variables): migrations, idempotent restarts, failing changesets, validate mode,
 * an unreachable database.
 */
class StartupIT {

    /** The last changeset of the changelog, as Liquibase names it. */
    private static final String HEAD = head();

    @Test
    void firstStartAppliesEveryChangesetAndASecondStartAppliesNothingWithoutError() throws SQLException {
        String database = TestDatabase.createDatabase("restart");
        int changesets = Changelogs.productionChangesets().size();
        Map<String, String> admin = Map.of("NARASI_ADMIN_EMAIL", "root@narasi.test", "NARASI_ADMIN_PASSWORD", "first admin passphrase");
        try (PayaraMicroProcess first = PayaraMicroProcess.launch("restart-1", database, admin,
                Path.of(System.getProperty("narasi.it.war")))) {
            Measured.record("1 instance, empty database, launch to ready", first.awaitReady(Duration.ofSeconds(180)));
            assertReady(first);
            String log = first.log();
            for (String id : ids()) {
                assertTrue(log.contains("Applied changeset liquibase/changelog/" + id + ".sql::" + id + "::narasi in "), id);
            }
            assertTrue(log.contains("Schema update finished: " + changesets + " changesets applied in "), first.logFile().toString());
            assertTrue(log.contains("Created administrator root@narasi.test"), first.logFile().toString());
        }
        assertEquals(0, count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'databasechangeloglock'"),
                "Liquibase inside the WAR locked with the session advisory lock, not with its lock table");
        List<String> schema = SchemaSnapshot.of(database);
        try (PayaraMicroProcess second = PayaraMicroProcess.start("restart-2", database, admin)) {
            assertReady(second);
            String log = second.log();
            assertTrue(log.contains("Schema update finished: 0 changesets applied in "), second.logFile().toString());
            assertTrue(log.contains("checked in ") && log.contains("ms without starting Liquibase"),
                    "at head, the build's changelog manifest answers: " + second.logFile());
            assertFalse(log.contains("Applied changeset"), "nothing re-applied");
            assertFalse(log.contains("SEVERE"), "no error logged: " + second.logFile());
            assertFalse(log.contains("Created administrator"), "the first admin is created once");
        }
        assertEquals(1, count(database, "SELECT count(*) FROM users WHERE email = 'root@narasi.test' AND role = 'ADMIN'"));
        assertEquals(1, count(database, "SELECT count(*) FROM signing_keys"), "both starts share one generated key");
        assertEquals(schema, SchemaSnapshot.of(database));
        assertEquals(changesets, count(database, "SELECT count(*) FROM databasechangelog WHERE exectype = 'EXECUTED'"));
    }

    @Test
    void failingChangesetAbortsDeploymentNamesItAndLeavesTheDatabaseAsItWas() throws SQLException {
        String database = TestDatabase.createDatabase("broken");
        Changelogs.update(database);
        List<String> schemaBefore = SchemaSnapshot.of(database);
        int historyBefore = count(database, "SELECT count(*) FROM databasechangelog");

        try (PayaraMicroProcess payara = PayaraMicroProcess.start("broken", database,
                Map.of("NARASI_SCHEMA_CHANGELOG", "liquibase/test/broken-master.xml"), TestWar.withTestChangelogs())) {
            HttpResponse<String> ready = payara.get("/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            String log = payara.log();
            assertTrue(log.contains("Schema migration failed at changeset liquibase/test/broken-changeset.sql::broken_after_partial_work::test: "
                    + "ERROR: relation \"no_such_table\" does not exist"), payara.logFile().toString());
            assertTrue(log.contains("[SQLSTATE 42P01]"), "the database error code is named");
            assertEquals(0, count(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"),
                    "the failed run released the migration lock although its pooled connection stays open");
        }
        assertEquals(schemaBefore, SchemaSnapshot.of(database), "no half-applied changeset: table and column rolled back");
        assertEquals(historyBefore, count(database, "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void validateModeRefusesToStartWithAPendingChangesetAndListsIt() throws SQLException {
        String database = TestDatabase.createDatabase("validate_pending");
        Changelogs.updateCount(database, Changelogs.productionChangesets().size() - 1);
        List<String> schemaBefore = SchemaSnapshot.of(database);

        try (PayaraMicroProcess payara = PayaraMicroProcess.start("validate-pending", database,
                Map.of("NARASI_SCHEMA_MODE", "validate"))) {
            assertEquals(503, payara.get("/health/ready").statusCode());
            String log = payara.log();
            assertTrue(log.contains("Schema mode validate: the database is not at the changelog's head, refusing to start."), payara.logFile().toString());
            assertTrue(log.contains("pending changeset: " + HEAD), payara.logFile().toString());
        }
        assertEquals(schemaBefore, SchemaSnapshot.of(database), "validate applies nothing");
    }

    @Test
    void validateModeNamesAnAppliedChangesetWhoseChecksumChanged() {
        String database = TestDatabase.createDatabase("validate_checksum");
        Changelogs.update(database);
        // What an edited, already applied changeset looks like to Liquibase: the stored checksum no longer matches.
        TestDatabase.execute(database, "UPDATE databasechangelog SET md5sum = '9:0123456789abcdef0123456789abcdef'"
                + " WHERE id = '20261121100300_create_work_histories'");

        try (PayaraMicroProcess payara = PayaraMicroProcess.start("validate-checksum", database,
                Map.of("NARASI_SCHEMA_MODE", "validate"))) {
            assertEquals(503, payara.get("/health/ready").statusCode());
            String log = payara.log();
            assertTrue(log.contains("checksum mismatch: liquibase/changelog/20261121100300_create_work_histories.sql"
                    + "::20261121100300_create_work_histories::narasi was: 9:0123456789abcdef0123456789abcdef"), payara.logFile().toString());
            assertFalse(log.contains("pending changeset:"));
            assertFalse(log.contains("without starting Liquibase"), "a changed checksum is Liquibase's to judge");
        }
    }

    /** Also: a signing key given in the environment is used instead of a generated one. */
    @Test
    void validateModeStartsWhenTheDatabaseIsAtHead() throws Exception {
        String database = TestDatabase.createDatabase("validate_head");
        Changelogs.update(database);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = Pem.privateKeyPem((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        try (PayaraMicroProcess payara = PayaraMicroProcess.start("validate-head", database,
                Map.of("NARASI_SCHEMA_MODE", "validate", "NARASI_AUTH_SIGNING_KEY", pem))) {
            assertReady(payara);
            assertTrue(payara.log().contains("Schema validated in "), payara.logFile().toString());
            assertTrue(payara.log().contains("ms without starting Liquibase"), payara.logFile().toString());
            assertFalse(payara.log().contains("BEGIN PRIVATE KEY"), "the key is never logged");

            Api.User user = new Api(payara.baseUri()).newUser("Kunci");
            String header = new String(Base64.getUrlDecoder().decode(user.accessToken().split("\\.")[0]), StandardCharsets.UTF_8);
            assertTrue(header.contains("\"kid\":\"configured-"), header);
            assertEquals(200, user.api().get("/api/me").status());
        }
        assertEquals(0, count(database, "SELECT count(*) FROM signing_keys"), "no key generated when one is configured");
    }

    @Test
    void unreachableDatabaseGivesOneMessageNamingHostPortAndDatabase() {
        int closedPort = PayaraMicroProcess.freePort();
        try (PayaraMicroProcess payara = PayaraMicroProcess.start("unreachable", "narasi_missing",
                Map.of("DB_PORT", Integer.toString(closedPort)))) {
            assertEquals(503, payara.get("/health/ready").statusCode());
            assertTrue(payara.log().contains("Cannot connect to PostgreSQL database 'narasi_missing' at localhost:" + closedPort
                    + " (JNDI jdbc/narasi): Connection"), payara.logFile().toString());
        }
    }

    private static void assertReady(PayaraMicroProcess payara) {
        HttpResponse<String> ready = payara.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body() + " (log " + payara.logFile() + ")");
        assertTrue(ready.body().contains("\"name\":\"schema\",\"status\":\"UP\""), ready.body());
    }

    private static String head() {
        var last = Changelogs.productionChangesets().get(Changelogs.productionChangesets().size() - 1);
        return last.getFilePath() + "::" + last.getId() + "::" + last.getAuthor();
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>();
        Changelogs.productionChangesets().forEach(c -> ids.add(c.getId()));
        return ids;
    }

    static int count(String database, String query) throws SQLException {
        try (Connection c = TestDatabase.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
