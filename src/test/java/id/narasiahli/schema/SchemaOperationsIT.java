package id.narasiahli.schema;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.PrometheusText;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.database.SchemaSnapshot;
import id.narasiahli.testsupport.payara.SharedServer;
import id.narasiahli.testsupport.database.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import liquibase.Scope;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.ChecksumVersion;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema admin API against a Payara Micro of its own (production command, schema mode off, a test
 * changelog: the real one followed by six test changesets), since applying and rolling back change the
 * server's database. Every test starts from the real changelog applied and the six test changesets pending.
 */
class SchemaOperationsIT {

    private static final String CHANGELOG = "liquibase/test/ops/ops-master.xml";
    private static final String BASELINE = "liquibase/test/ops/ops-tag-baseline.xml::ops_tag_baseline::test";
    private static final String ALPHA = "liquibase/test/ops/ops-alpha.sql::ops_alpha::test";
    private static final String BETA = "liquibase/test/ops/ops-beta.sql::ops_beta::test";
    private static final String RELEASE = "liquibase/test/ops/ops-tag-release.xml::ops_tag_release::test";
    private static final String GAMMA = "liquibase/test/ops/ops-gamma.sql::ops_gamma::test";
    private static final String IRREVERSIBLE = "liquibase/test/ops/ops-irreversible.sql::ops_irreversible::test";
    private static final int REAL_CHANGESETS = Changelogs.productionChangesets().size();

    private static String database;
    private static PayaraMicroProcess payara;
    private static Api admin;

    @BeforeAll
    static void serverWithTestChangesetsPending() {
        database = TestDatabase.createDatabase("schema_ops");
        Changelogs.update(database);
        payara = PayaraMicroProcess.start("schema-operations", database, Map.of(
                "NARASI_SCHEMA_MODE", "off",
                "NARASI_SCHEMA_CHANGELOG", CHANGELOG,
                "NARASI_ADMIN_EMAIL", SharedServer.ADMIN_EMAIL,
                "NARASI_ADMIN_PASSWORD", SharedServer.ADMIN_PASSWORD,
                "NARASI_AUTH_PBKDF2_ITERATIONS", "20000"), warWithOpsChangelogs());
        admin = new Api(payara.baseUri()).admin().api();
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    @BeforeEach
    void realChangelogAppliedTestChangesetsPending() throws SQLException {
        if (!tableExists("databasechangelog")) {
            TestDatabase.execute(database, "DROP TABLE IF EXISTS databasechangelog, databasechangeloglock");
            Changelogs.changelogSync(database);
        }
        // no lock row to reset: the migration lock is a PostgreSQL session advisory lock, gone with its connection
        TestDatabase.execute(database, "DROP TABLE IF EXISTS ops_irreversible, ops_beta, ops_alpha");
        TestDatabase.execute(database, "DELETE FROM databasechangelog WHERE filename LIKE 'liquibase/test/%'");
        TestDatabase.execute(database, "UPDATE databasechangelog SET tag = NULL WHERE tag IS NOT NULL");
    }

    @Test
    void statusListsWhatIsPendingAndApplyingItTurnsReadinessUpWithoutARestart() {
        JsonObject status = ok(admin.get("/api/admin/schema/status"));
        assertEquals("off", status.getString("mode"));
        assertEquals(CHANGELOG, status.getString("changelog"));
        assertEquals(REAL_CHANGESETS, status.getInt("appliedCount"));
        assertEquals(6, status.getInt("pendingCount"));
        assertFalse(status.getBoolean("atHead"));
        assertTrue(status.getBoolean("checksumsValid"));
        assertFalse(status.getJsonObject("lock").getBoolean("locked"));
        assertEquals(List.of(), status.getJsonArray("unexpected"));
        assertEquals(List.of("ops-baseline", "ops-release"), strings(status.getJsonArray("changelogTags")));
        JsonObject alpha = status.getJsonArray("pending").getJsonObject(1);
        assertEquals("liquibase/test/ops/ops-alpha.sql", alpha.getString("file"));
        assertEquals("ops_alpha", alpha.getString("id"));
        assertEquals("test", alpha.getString("author"));
        assertEquals("sql", alpha.getString("description"));
        assertEquals("Alpha, the table later changesets change.", alpha.getString("comment"));
        assertEquals("tagDatabase", status.getJsonArray("pending").getJsonObject(0).getString("description"));
        String lastReal = Changelogs.productionChangesets().get(REAL_CHANGESETS - 1).getId();
        assertEquals(lastReal, status.getJsonObject("lastApplied").getString("id"));
        assertEquals(503, payara.get("/health/ready").statusCode(), "not ready while changesets are pending");
        assertEquals(6.0, PrometheusText.scrape(payara.baseUri()).value("narasi_migration_changesets_pending"), "the pending gauge");

        JsonObject applied = ok(admin.post("/api/admin/schema/apply", ALL));
        assertEquals(List.of(BASELINE, ALPHA, BETA, RELEASE, GAMMA, IRREVERSIBLE), changesets(applied.getJsonArray("applied")));
        assertEquals(0, applied.getInt("pendingCount"));
        assertTrue(applied.getString("deploymentId").matches("\\d{10}"), applied.toString());

        assertEquals(200, payara.get("/health/ready").statusCode(), "ready after apply, no restart");
        assertEquals(0.0, PrometheusText.scrape(payara.baseUri()).value("narasi_migration_changesets_pending"), "follows the apply");
        JsonObject after = ok(admin.get("/api/admin/schema/status"));
        assertTrue(after.getBoolean("atHead"));
        assertEquals(List.of("ops-baseline", "ops-release"), strings(after.getJsonArray("tags")));
        assertEquals("ops_irreversible", after.getJsonObject("lastApplied").getString("id"));
    }

    @Test
    void historyListsAppliedChangesetsInOrderWithTheDurationsMeasuredWhenApplied() {
        JsonObject applied = ok(admin.post("/api/admin/schema/apply", body("count", 3)));

        JsonArray history = admin.get("/api/admin/schema/history").array();
        assertEquals(REAL_CHANGESETS + 3, history.size());
        List<String> order = new ArrayList<>();
        for (JsonValue value : history) {
            JsonObject row = value.asJsonObject();
            order.add(row.getString("file") + "::" + row.getString("id") + "::" + row.getString("author"));
        }
        assertEquals(List.of(BASELINE, ALPHA, BETA), order.subList(REAL_CHANGESETS, REAL_CHANGESETS + 3));
        for (int i = 0; i < 3; i++) {
            JsonObject row = history.getJsonObject(REAL_CHANGESETS + i);
            assertEquals(REAL_CHANGESETS + i + 1, row.getInt("orderExecuted"));
            assertEquals("EXECUTED", row.getString("execType"));
            assertTrue(row.getString("checksum").startsWith("9:"), row.toString());
            assertEquals(applied.getString("deploymentId"), row.getString("deploymentId"));
            assertTrue(row.getJsonNumber("durationMs").longValue() >= 0, row.toString());
            assertEquals(applied.getJsonArray("applied").getJsonObject(i).getJsonNumber("durationMs").longValue(),
                    row.getJsonNumber("durationMs").longValue());
            assertNotNull(row.getString("dateExecuted"));
        }
        assertEquals("ops-baseline", history.getJsonObject(REAL_CHANGESETS).getString("tag"));
        // applied by the test's own Liquibase, not by this service: nothing measured (JSON-B leaves nulls out)
        assertFalse(history.getJsonObject(0).containsKey("durationMs"), history.getJsonObject(0).toString());
    }

    @Test
    void statusAnswersAtOnceWhileAnotherConnectionHoldsTheMigrationLock() throws Exception {
        try (HeldElsewhere lock = HeldElsewhere.take(database);
             Connection migrating = TestDatabase.dataSource(database).getConnection()) {
            String trackingBefore = trackingTables();
            // and, like a migration in progress, holds a table lock no schema read may wait for
            migrating.setAutoCommit(false);
            try (Statement s = migrating.createStatement()) {
                s.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            }
            long start = System.nanoTime();
            Api.Response status = admin.get("/api/admin/schema/status");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, status.status(), status.toString());
            assertTrue(millis < 5_000, "status took " + millis + " ms");
            JsonObject held = status.json().getJsonObject("lock");
            assertTrue(held.getBoolean("locked"));
            assertEquals(lock.lockedBy(), held.getJsonArray("locks").getJsonObject(0).getString("lockedBy"));
            assertNotNull(held.getJsonArray("locks").getJsonObject(0).getString("lockedSince"));
            assertEquals(held, ok(admin.get("/api/admin/schema/locks")));

            Api.Response refused = admin.post("/api/admin/schema/apply", body("count", 1));
            assertProblem(409, "migration-locked", refused);
            assertTrue(refused.json().getString("detail").contains(lock.lockedBy()), refused.toString());

            // a dry run needs no lock, and must not free the one another instance holds
            JsonObject dryRun = ok(admin.post("/api/admin/schema/dry-run", body("count", 2)));
            assertEquals(List.of(BASELINE, ALPHA), strings(dryRun.getJsonArray("changesets")));
            assertTrue(ok(admin.get("/api/admin/schema/locks")).getBoolean("locked"), "the dry run left the lock alone");
            migrating.rollback();
            assertEquals(trackingBefore, trackingTables());

            JsonObject released = ok(admin.delete("/api/admin/schema/locks"));
            assertTrue(released.getBoolean("released"));
            assertEquals(lock.lockedBy(), released.getJsonArray("releasedLocks").getJsonObject(0).getString("lockedBy"));
            assertFalse(ok(admin.get("/api/admin/schema/locks")).getBoolean("locked"));
        }
        assertEquals(1, ok(admin.post("/api/admin/schema/apply", body("count", 1))).getJsonArray("applied").size(),
                "the released lock no longer stands in the way");
    }

    @Test
    void dryRunShowsTheSqlOfPendingChangesetsAndLeavesTheTrackingTablesByteForByteUnchanged() throws SQLException {
        String tracking = trackingTables();
        List<String> schema = SchemaSnapshot.of(database);

        JsonObject all = ok(admin.post("/api/admin/schema/dry-run", ALL));
        assertEquals(List.of(BASELINE, ALPHA, BETA, RELEASE, GAMMA, IRREVERSIBLE), strings(all.getJsonArray("changesets")));
        String sql = all.getString("sql");
        assertTrue(sql.contains("CREATE TABLE ops_alpha (id INTEGER PRIMARY KEY, label VARCHAR(20));"), sql);
        assertTrue(sql.contains("ALTER TABLE ops_alpha ADD COLUMN gamma INTEGER;"), sql);
        assertTrue(sql.contains("-- Changeset " + IRREVERSIBLE), sql);
        assertTrue(sql.contains("INSERT INTO public.databasechangelog"), "the bookkeeping is part of what would run");

        JsonObject toTag = ok(admin.post("/api/admin/schema/dry-run", body("toTag", "ops-release")));
        assertEquals(List.of(BASELINE, ALPHA, BETA, RELEASE), strings(toTag.getJsonArray("changesets")));
        assertTrue(toTag.getString("sql").contains("CREATE TABLE ops_beta"));
        assertFalse(toTag.getString("sql").contains("gamma"), toTag.getString("sql"));

        JsonObject next = ok(admin.post("/api/admin/schema/dry-run", body("count", 2)));
        assertEquals(List.of(BASELINE, ALPHA), strings(next.getJsonArray("changesets")));
        assertFalse(next.getString("sql").contains("ops_beta"));

        assertEquals(tracking, trackingTables(), "no row of databasechangelog or databasechangeloglock written, not even rewritten");
        assertEquals(schema, SchemaSnapshot.of(database));
        assertEquals(6, ok(admin.get("/api/admin/schema/status")).getInt("pendingCount"));
    }

    @Test
    void applyTagApplyMoreAndRollbackToTheTagRestoresTheTaggedSchema() throws SQLException {
        ok(admin.post("/api/admin/schema/apply", body("count", 2)));
        TestDatabase.execute(database, "INSERT INTO ops_alpha (id, label) VALUES (1, 'kept')");
        List<String> tagged = SchemaSnapshot.of(database);

        Api.Response created = admin.post("/api/admin/schema/tags", body("tag", "before-beta"));
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.header("Location").endsWith("/api/admin/schema/tags/before-beta"), created.header("Location"));
        assertEquals(ALPHA, changeset(created.json().getJsonObject("changeset")));
        assertEquals(ALPHA, changeset(ok(admin.get("/api/admin/schema/tags/before-beta")).getJsonObject("changeset")));

        assertEquals(List.of(BETA, RELEASE), changesets(ok(admin.post("/api/admin/schema/apply", body("toTag", "ops-release")))
                .getJsonArray("applied")));
        assertEquals(List.of(GAMMA), changesets(ok(admin.post("/api/admin/schema/apply", body("count", 1))).getJsonArray("applied")));
        assertNotEquals(tagged, SchemaSnapshot.of(database));
        TestDatabase.execute(database, "UPDATE ops_alpha SET gamma = 42 WHERE id = 1; INSERT INTO ops_beta VALUES (7), (8)");

        JsonObject preview = ok(admin.post("/api/admin/schema/rollback/preview", body("toTag", "before-beta")));
        assertEquals(List.of(GAMMA, RELEASE, BETA), strings(preview.getJsonArray("changesets")));
        assertTrue(preview.getString("sql").contains("ALTER TABLE ops_alpha DROP COLUMN gamma;"), preview.getString("sql"));
        assertTrue(preview.getString("sql").contains("DROP TABLE ops_beta;"), preview.getString("sql"));
        assertNotNull(preview.getString("expiresAt"));

        assertTrue(preview.getBoolean("passwordRequired"), "the production contexts ask for the password again");
        PrometheusText beforeRollback = PrometheusText.scrape(payara.baseUri());
        JsonObject rolledBack = ok(rollback(body("toTag", "before-beta"), preview.getString("confirmationToken")));
        assertEquals(List.of(GAMMA, RELEASE, BETA), strings(rolledBack.getJsonArray("rolledBack")));
        assertEquals(4, rolledBack.getInt("pendingCount"));

        assertEquals(tagged, SchemaSnapshot.of(database), "the schema as it was when tagged");
        assertEquals("kept", text("SELECT label FROM ops_alpha WHERE id = 1"), "rows of the tagged state stay");

        // what the rollback dropped was copied to narasi_backup first: the column's values and the table's rows
        JsonArray backups = admin.get("/api/admin/schema/backups").array();
        JsonObject column = backupOf(backups, "ops_alpha", "gamma");
        JsonObject table = backupOf(backups, "ops_beta", null);
        assertEquals(1, column.getInt("rowCount"), column.toString());
        assertEquals(2, table.getInt("rowCount"), table.toString());
        PrometheusText afterRollback = PrometheusText.scrape(payara.baseUri());
        assertEquals(1.0, delta(beforeRollback, afterRollback, "narasi_schema_backups_total", "kind=\"admin\"", "backup=\"table\""),
                afterRollback.samples("narasi_schema_backups_total").toString());
        assertEquals(1.0, delta(beforeRollback, afterRollback, "narasi_schema_backups_total", "kind=\"admin\"", "backup=\"column\""));
        assertEquals(3.0, delta(beforeRollback, afterRollback, "narasi_schema_backup_rows_total", "kind=\"admin\""));
        assertProblem(409, "backup-refused", admin.post("/api/admin/schema/backups/" + table.getInt("id") + "/restore",
                Json.createObjectBuilder().build()));
        // upgrade again, then restore: no row lost by the downgrade
        ok(admin.post("/api/admin/schema/apply", body("toTag", "ops-release")));
        ok(admin.post("/api/admin/schema/apply", body("count", 1)));
        ok(admin.post("/api/admin/schema/backups/" + table.getInt("id") + "/restore", Json.createObjectBuilder().build()));
        ok(admin.post("/api/admin/schema/backups/" + column.getInt("id") + "/restore", Json.createObjectBuilder().build()));
        assertEquals("2", text("SELECT count(*) FROM ops_beta WHERE id IN (7, 8)"));
        assertEquals("42", text("SELECT gamma FROM ops_alpha WHERE id = 1"));
        confirmRollback(body("toTag", "before-beta"));
        JsonObject status = ok(admin.get("/api/admin/schema/status"));
        assertEquals(ALPHA, changeset(status.getJsonObject("lastApplied")));
        assertEquals(List.of("ops-baseline", "before-beta"), strings(status.getJsonArray("tags")));
        assertEquals(503, payara.get("/health/ready").statusCode(), "behind the changelog again");
    }

    @Test
    void rollingBackPastATagRemovesItAndAskingForThatTagAgainFailsClearly() throws SQLException {
        ok(admin.post("/api/admin/schema/apply", body("count", 2)));
        assertEquals(201, admin.post("/api/admin/schema/tags", body("tag", "two-applied")).status());
        confirmRollback(body("count", 2));

        String tracking = trackingTables();
        Api.Response again = admin.post("/api/admin/schema/rollback/preview", body("toTag", "two-applied"));
        assertProblem(400, "validation-failed", again);
        assertEquals("toTag", again.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(again.json().getString("detail").contains("the tag 'two-applied' is not in the database: it was never set,"
                + " or a rollback removed the changeset that carried it"), again.toString());
        assertProblem(400, "validation-failed", rollback(body("toTag", "two-applied"), "anything"));
        assertEquals(404, admin.get("/api/admin/schema/tags/two-applied").status());
        assertEquals(tracking, trackingTables());
    }

    @Test
    void rollbackIsRefusedWithAWrongOrStaleConfirmationToken() throws SQLException {
        ok(admin.post("/api/admin/schema/apply", body("count", 3)));
        String token = ok(admin.post("/api/admin/schema/rollback/preview", body("count", 1))).getString("confirmationToken");
        String tracking = trackingTables();
        List<String> schema = SchemaSnapshot.of(database);

        assertRefused("not one a rollback preview issued", rollback(body("count", 1), "wrong-" + token));
        assertRefused("confirms a rollback count:1, not count:2", rollback(body("count", 2), token));
        assertProblem(400, "validation-failed", admin.post("/api/admin/schema/rollback", body("count", 1)));
        assertEquals(tracking, trackingTables());
        assertEquals(schema, SchemaSnapshot.of(database));

        ok(admin.post("/api/admin/schema/apply", body("count", 1)));
        String afterApply = trackingTables();
        assertRefused("the database changed since the preview", rollback(body("count", 1), token));
        assertEquals(afterApply, trackingTables(), "the stale token rolled nothing back");
        assertTrue(tableExists("ops_beta"));

        String fresh = ok(admin.post("/api/admin/schema/rollback/preview", body("count", 1))).getString("confirmationToken");
        assertEquals(List.of(RELEASE), strings(ok(rollback(body("count", 1), fresh)).getJsonArray("rolledBack")));
        assertRefused("already used", rollback(body("count", 1), fresh));
    }

    @Test
    void aChangesetWithoutRollbackBlocksTheRollbackAndIsNamed() throws SQLException {
        ok(admin.post("/api/admin/schema/apply", ALL));
        String tracking = trackingTables();
        List<String> schema = SchemaSnapshot.of(database);

        for (JsonObject target : List.of(body("count", 1), body("count", 2), body("toTag", "ops-release"))) {
            Api.Response refused = admin.post("/api/admin/schema/rollback/preview", target);
            assertProblem(409, "rollback-impossible", refused);
            assertTrue(refused.json().getString("detail").contains("changeset " + IRREVERSIBLE + " has no rollback"), refused.toString());
        }
        assertEquals(tracking, trackingTables());
        assertEquals(schema, SchemaSnapshot.of(database), "gamma, rolled back before the irreversible one in order, is still there");
    }

    @Test
    void validateNamesAnAppliedChangesetEditedSinceAndApplyRefusesToRun(@TempDir Path edited) throws Exception {
        ok(admin.post("/api/admin/schema/apply", body("count", 2)));
        assertTrue(ok(admin.get("/api/admin/schema/validation")).getBoolean("valid"));
        // the database ran another text of ops_alpha than the one this server's changelog now holds
        String editedChecksum = checksumOfEditedAlpha(edited);
        TestDatabase.execute(database, "UPDATE databasechangelog SET md5sum = '" + editedChecksum + "' WHERE id = 'ops_alpha'");

        JsonObject validation = ok(admin.get("/api/admin/schema/validation"));
        assertFalse(validation.getBoolean("valid"));
        JsonObject mismatch = validation.getJsonArray("checksumMismatches").getJsonObject(0);
        assertEquals(ALPHA, mismatch.getString("changeset"));
        assertEquals(editedChecksum, mismatch.getString("recordedChecksum"));
        assertEquals(currentChecksumOfAlpha(), mismatch.getString("changelogChecksum"));
        assertEquals(1, validation.getJsonArray("checksumMismatches").size());

        JsonObject status = ok(admin.get("/api/admin/schema/status"));
        assertFalse(status.getBoolean("checksumsValid"));
        assertFalse(status.getBoolean("atHead"));
        assertTrue(status.getJsonArray("validationProblems").getString(0).contains(ALPHA));

        String tracking = trackingTables();
        Api.Response refused = admin.post("/api/admin/schema/apply", ALL);
        assertProblem(409, "schema-validation-failed", refused);
        assertTrue(refused.json().getString("detail").contains(ALPHA), refused.toString());
        assertEquals(tracking, trackingTables());
    }

    @Test
    void repairAdoptsADatabaseCreatedByPlainSqlAndALaterApplyRunsOnlyWhatIsNew() throws SQLException {
        // A database made without Liquibase: the schema is all there, nothing records how it came about.
        TestDatabase.execute(database, "DROP TABLE databasechangelog; DROP TABLE IF EXISTS databasechangeloglock");
        TestDatabase.execute(database, "CREATE TABLE ops_alpha (id INTEGER PRIMARY KEY, label VARCHAR(20));"
                + " CREATE TABLE ops_beta (id INTEGER); INSERT INTO ops_alpha VALUES (7, 'legacy')");
        JsonObject before = ok(admin.get("/api/admin/schema/status"));
        assertEquals(0, before.getInt("appliedCount"));
        assertEquals(REAL_CHANGESETS + 6, before.getInt("pendingCount"));
        // the lint reads the same changelog through the core's read-only parse: it must not create the tables either
        JsonObject lint = ok(admin.get("/api/admin/schema/lint"));
        assertEquals("pending", lint.getString("scope"));
        assertFalse(tableExists("databasechangelog") || tableExists("databasechangeloglock"),
                "status and lint on a database without tracking tables create none");

        JsonObject preview = ok(admin.post("/api/admin/schema/repair", Json.createObjectBuilder()
                .add("toTag", "ops-release").add("dryRun", true).build()));
        assertTrue(preview.getBoolean("dryRun"));
        assertEquals(REAL_CHANGESETS + 4, preview.getJsonArray("changesets").size());
        assertTrue(preview.getString("sql").contains("INSERT INTO public.databasechangelog"), preview.getString("sql"));
        assertFalse(tableExists("databasechangelog") || tableExists("databasechangeloglock"), "a repair dry run creates no tracking table");
        assertTrue(preview.getString("sql").contains("CREATE TABLE public.databasechangelog"), "but shows it would");

        JsonObject repaired = ok(admin.post("/api/admin/schema/repair", body("toTag", "ops-release")));
        assertFalse(repaired.getBoolean("dryRun"));
        List<String> marked = strings(repaired.getJsonArray("changesets"));
        assertEquals(REAL_CHANGESETS + 4, marked.size());
        assertEquals(List.of(BASELINE, ALPHA, BETA, RELEASE), marked.subList(REAL_CHANGESETS, REAL_CHANGESETS + 4));
        assertEquals(2, repaired.getInt("pendingCount"));

        JsonObject applied = ok(admin.post("/api/admin/schema/apply", ALL));
        assertEquals(List.of(GAMMA, IRREVERSIBLE), changesets(applied.getJsonArray("applied")), "only what is new runs");
        assertEquals("legacy", text("SELECT label FROM ops_alpha WHERE id = 7"));
        assertEquals("0", text("SELECT count(*) FROM ops_alpha WHERE gamma IS NOT NULL"), "gamma column added");
        assertEquals(200, payara.get("/health/ready").statusCode());
    }

    @Test
    void badRequestsAreRefusedWithProblemDocumentsAndChangeNothing() throws SQLException {
        String tracking = trackingTables();
        List<String> schema = SchemaSnapshot.of(database);

        assertInvalid("toTag", admin.post("/api/admin/schema/apply", body("toTag", "no-such-tag")));
        assertInvalid("count", admin.post("/api/admin/schema/apply", body("count", 7)));
        assertInvalid("count", admin.post("/api/admin/schema/dry-run", body("count", 7)));
        assertInvalid("count", admin.post("/api/admin/schema/apply", body("count", 0)));
        assertInvalid("count", admin.postRaw("/api/admin/schema/apply", "application/json", "{\"count\": \"2\"}"));
        assertInvalid("count", admin.postRaw("/api/admin/schema/apply", "application/json", "{\"count\": 1.5}"));
        assertInvalid("body", admin.post("/api/admin/schema/apply", Json.createObjectBuilder().add("toTag", "ops-release").add("count", 1).build()));
        assertInvalid("tag", admin.post("/api/admin/schema/apply", body("tag", "ops-release")));
        assertInvalid("body", admin.postRaw("/api/admin/schema/apply", "application/json", "{\"count\": "));
        assertInvalid("body", admin.postRaw("/api/admin/schema/apply", "application/json", "[1]"));
        assertInvalid("toTag", admin.post("/api/admin/schema/repair", body("toTag", "no-such-tag")));
        assertInvalid("count", admin.post("/api/admin/schema/repair", body("count", 1)));
        assertInvalid("body", admin.post("/api/admin/schema/rollback/preview", Json.createObjectBuilder().build()));
        // acting on every pending changeset is never the default: an empty body or {} names the missing field
        for (String path : List.of("/api/admin/schema/apply", "/api/admin/schema/dry-run", "/api/admin/schema/repair")) {
            assertInvalid("all", admin.post(path, Json.createObjectBuilder().build()));
            assertInvalid("all", admin.postRaw(path, "application/json", ""));
            assertInvalid("all", admin.postRaw(path, "application/json", "{\"all\": false}"));
            assertInvalid("all", admin.postRaw(path, "application/json", "{\"all\": \"yes\"}"));
        }
        assertInvalid("body", admin.postRaw("/api/admin/schema/apply", "application/json", "{\"all\": true, \"count\": 1}"));
        assertInvalid("all", admin.postRaw("/api/admin/schema/rollback/preview", "application/json", "{\"all\": true}"));
        assertInvalid("count", admin.post("/api/admin/schema/rollback/preview", body("count", REAL_CHANGESETS + 1)));
        assertInvalid("confirmationToken", admin.post("/api/admin/schema/rollback", body("count", 1)));
        assertInvalid("tag", admin.post("/api/admin/schema/tags", Json.createObjectBuilder().build()));
        assertInvalid("tag", admin.post("/api/admin/schema/tags", body("tag", "has space")));

        assertEquals(tracking, trackingTables());
        assertEquals(schema, SchemaSnapshot.of(database));
    }

    @Test
    void aFailingChangesetIsNamedWithTheDatabaseErrorAndWhatRanBeforeItStays() throws SQLException {
        TestDatabase.execute(database, "CREATE TABLE ops_beta (id INTEGER)");
        PrometheusText before = PrometheusText.scrape(payara.baseUri());

        Api.Response failed = admin.post("/api/admin/schema/apply", body("count", 4));
        assertProblem(409, "changeset-failed", failed);
        // the failure is visible in the metrics: one failed changeset and one failed run of the admin API, timed
        PrometheusText after = PrometheusText.scrape(payara.baseUri());
        String adminKind = "kind=\"admin\"";
        assertEquals(delta(before, after, "narasi_migration_changesets_failed_total", adminKind), 1.0, after.samples("narasi_migration_changesets_failed_total").toString());
        assertEquals(delta(before, after, "narasi_migration_changesets_applied_total", adminKind), 2.0);
        assertEquals(delta(before, after, "narasi_migration_runs_total", adminKind, "outcome=\"failed\""), 1.0);
        assertEquals(delta(before, after, "narasi_migration_run_seconds_count", adminKind), 1.0);
        String detail = failed.json().getString("detail");
        assertTrue(detail.startsWith("Changeset " + BETA + " failed: ERROR: relation \"ops_beta\" already exists"), detail);
        assertTrue(detail.contains("[SQLSTATE 42P07]") && detail.contains("2 changesets before it were applied"), detail);

        JsonObject status = ok(admin.get("/api/admin/schema/status"));
        assertEquals(ALPHA, changeset(status.getJsonObject("lastApplied")));
        assertTrue(status.getJsonObject("lastApplied").containsKey("durationMs"), "what ran is measured");
        assertFalse(status.getJsonObject("lock").getBoolean("locked"), "the lock is released after the failure");
        JsonObject audited = ok(admin.get("/api/admin/schema/audit?limit=1")).getJsonArray("items").getJsonObject(0);
        assertEquals("FAILED", audited.getString("outcome"));
        assertTrue(audited.getString("detail").contains(BETA), audited.toString());
    }

    private static JsonObject backupOf(JsonArray backups, String table, String column) {
        return backups.getValuesAs(JsonObject.class).stream()
                .filter(b -> table.equals(b.getString("sourceTable", null)) && (column == null
                        ? !b.containsKey("sourceColumn") || b.isNull("sourceColumn") : column.equals(b.getString("sourceColumn", null))))
                .reduce((first, second) -> first).orElseThrow(() -> new AssertionError("no backup of " + table + "." + column + ": " + backups));
    }

    private static double delta(PrometheusText before, PrometheusText after, String series, String... labels) {
        double was = before.value(series, labels);
        return after.value(series, labels) - (Double.isNaN(was) ? 0 : was);
    }

    @Test
    void tagsAreUniqueAndATaggedStateIsNotTaggedAgain() {
        ok(admin.post("/api/admin/schema/apply", body("count", 2)));
        assertEquals(201, admin.post("/api/admin/schema/tags", body("tag", "v1")).status());
        assertProblem(409, "tag-exists", admin.post("/api/admin/schema/tags", body("tag", "v1")));
        assertProblem(409, "tag-exists", admin.post("/api/admin/schema/tags", body("tag", "V1")));
        assertProblem(409, "tag-exists", admin.post("/api/admin/schema/tags", body("tag", "v2")));
        JsonArray tags = admin.get("/api/admin/schema/tags").array();
        assertEquals(List.of("ops-baseline", "v1"), tags.stream().map(t -> t.asJsonObject().getString("tag")).toList());
        assertEquals(BASELINE, changeset(tags.getJsonObject(0).getJsonObject("changeset")));
    }

    @Test
    void everyMutatingCallIsAuditedWithWhoWhatWhenAndOutcome() throws SQLException {
        int adminId = Integer.parseInt(text("SELECT id FROM users WHERE email = '" + SharedServer.ADMIN_EMAIL + "'"));
        ok(admin.post("/api/admin/schema/apply", body("count", 2)));
        admin.post("/api/admin/schema/apply", body("toTag", "no-such-tag"));
        admin.postRaw("/api/admin/schema/apply", "application/json", "{oops");
        String token = ok(admin.post("/api/admin/schema/rollback/preview", body("count", 1))).getString("confirmationToken");
        ok(rollback(body("count", 1), token));

        JsonArray entries = ok(admin.get("/api/admin/schema/audit?limit=5")).getJsonArray("items");
        JsonObject rollback = entries.getJsonObject(0);
        assertEquals("rollback", rollback.getString("operation"));
        assertEquals("SUCCEEDED", rollback.getString("outcome"));
        assertEquals(adminId, rollback.getInt("actorId"));
        assertEquals(SharedServer.ADMIN_EMAIL, rollback.getString("actorName"));
        assertTrue(rollback.getString("request").contains("(redacted)") && !rollback.getString("request").contains(token),
                "the token never reaches the audit: " + rollback);
        assertTrue(rollback.getString("detail").contains("rolled back [" + ALPHA + "]"), rollback.toString());
        assertNotNull(rollback.getString("occurredAt"));
        assertFalse(rollback.getString("instance").isBlank());
        assertEquals("rollback-preview", entries.getJsonObject(1).getString("operation"));
        JsonObject malformed = entries.getJsonObject(2);
        assertEquals("REFUSED", malformed.getString("outcome"));
        assertEquals("(unreadable body, 5 characters)", malformed.getString("request"));
        JsonObject unknownTag = entries.getJsonObject(3);
        assertEquals("REFUSED", unknownTag.getString("outcome"));
        assertTrue(unknownTag.getString("detail").startsWith("400 toTag: no changeset of the changelog sets the tag 'no-such-tag'"),
                unknownTag.toString());
        JsonObject apply = entries.getJsonObject(4);
        assertEquals("{\"count\":2}", apply.getString("request"));
        assertEquals("applied 2 changesets [" + BASELINE + ", " + ALPHA + "], 4 still pending", apply.getString("detail"));

        assertTrue(payara.log().contains("Schema operation apply by " + SharedServer.ADMIN_EMAIL + " (user " + adminId
                + "), request {\"count\":2}: SUCCEEDED - applied 2 changesets"), payara.logFile().toString());
        assertEquals("rollback SUCCEEDED " + adminId, text("SELECT operation || ' ' || outcome || ' ' || actor_id"
                + " FROM schema_operation_audit ORDER BY id DESC LIMIT 1"));
    }

    /**
     * The audit row exists before the operation runs (STARTED, with who and what), so an instance killed half-way
     * leaves it on record; the same row is then completed with the outcome.
     */
    @Test
    void theAuditRowIsWrittenBeforeTheOperationRunsAndCompletedWhenItEnds() throws Exception {
        ok(admin.post("/api/admin/schema/apply", body("count", 4)));
        long before = Long.parseLong(text("SELECT coalesce(max(id), 0) FROM schema_operation_audit"));
        CompletableFuture<Api.Response> apply;
        String started;
        try (Connection holder = TestDatabase.dataSource(database).getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE ops_alpha IN ACCESS SHARE MODE"); // gamma's ALTER TABLE waits for it
            apply = CompletableFuture.supplyAsync(() -> admin.post("/api/admin/schema/apply", body("count", 2)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String query = "SELECT (SELECT id || ' ' || outcome || ' ' || actor_name || ' ' || request FROM schema_operation_audit"
                    + " WHERE id > " + before + " AND operation = 'apply')";
            started = text(query);
            while (started == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
                started = text(query);
            }
            assertFalse(apply.isDone(), "the apply waits for the lock on ops_alpha");
            holder.rollback();
        }
        assertNotNull(started, "no audit row while the apply ran");
        String id = started.substring(0, started.indexOf(' '));
        assertEquals(id + " STARTED " + SharedServer.ADMIN_EMAIL + " {\"count\":2}", started);
        ok(apply.get(60, TimeUnit.SECONDS));
        assertEquals("SUCCEEDED", text("SELECT outcome FROM schema_operation_audit WHERE id = " + id));
        assertEquals("1", text("SELECT count(*) FROM schema_operation_audit WHERE id > " + before), "one row, completed in place");
        assertTrue(payara.log().contains("request {\"count\":2}: STARTED"), payara.logFile().toString());
    }

    /**
     * In the production contexts (this server's) a bearer token alone rolls nothing back: the administrator's password
     * is asked again, checked like a login, and never reaches the audit.
     */
    @Test
    void aRollbackInProductionNeedsTheAdministratorsPasswordAgain() throws SQLException {
        ok(admin.post("/api/admin/schema/apply", body("count", 3)));
        String token = ok(admin.post("/api/admin/schema/rollback/preview", body("count", 1))).getString("confirmationToken");
        String tracking = trackingTables();
        JsonObject withToken = Json.createObjectBuilder().add("count", 1).add("confirmationToken", token).build();

        assertInvalid("password", admin.post("/api/admin/schema/rollback", withToken));
        Api.Response wrong = admin.post("/api/admin/schema/rollback", Json.createObjectBuilder(withToken)
                .add("password", SharedServer.ADMIN_PASSWORD + "x").build());
        assertProblem(403, "password-mismatch", wrong);
        assertEquals(tracking, trackingTables(), "nothing rolled back");
        JsonObject refused = ok(admin.get("/api/admin/schema/audit?limit=1")).getJsonArray("items").getJsonObject(0);
        assertEquals("REFUSED", refused.getString("outcome"));
        assertTrue(refused.getString("request").contains("\"password\":\"(redacted)\""), refused.toString());
        assertFalse(text("SELECT string_agg(request, ' ') FROM schema_operation_audit").contains(SharedServer.ADMIN_PASSWORD),
                "no password in the audit");

        assertEquals(List.of(BETA), strings(ok(rollback(body("count", 1), token)).getJsonArray("rolledBack")),
                "the same token with the right password");
        assertFalse(tableExists("ops_beta"));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A confirmed rollback as an administrator sends it in the production contexts: token and own password. */
    private static Api.Response rollback(JsonObject target, String token) {
        return admin.post("/api/admin/schema/rollback", Json.createObjectBuilder(target).add("confirmationToken", token)
                .add("password", SharedServer.ADMIN_PASSWORD).build());
    }

    private static void confirmRollback(JsonObject target) {
        String token = ok(admin.post("/api/admin/schema/rollback/preview", target)).getString("confirmationToken");
        ok(rollback(target, token));
    }

    private static final JsonObject ALL = Json.createObjectBuilder().add("all", true).build();

    private static JsonObject body(String field, String value) {
        return Json.createObjectBuilder().add(field, value).build();
    }

    private static JsonObject body(String field, int value) {
        return Json.createObjectBuilder().add(field, value).build();
    }

    private static JsonObject ok(Api.Response response) {
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    private static void assertProblem(int status, String type, Api.Response response) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.header("Content-Type"));
        assertEquals("urn:narasi-ahli:problem:" + type, response.json().getString("type"), response.toString());
    }

    private static void assertInvalid(String field, Api.Response response) {
        assertProblem(400, "validation-failed", response);
        assertEquals(field, response.json().getJsonArray("errors").getJsonObject(0).getString("field"), response.toString());
    }

    private static void assertRefused(String reason, Api.Response response) {
        assertProblem(409, "confirmation-refused", response);
        assertTrue(response.json().getString("detail").contains(reason), response.toString());
    }

    private static String changeset(JsonObject json) {
        return json.getString("file") + "::" + json.getString("id") + "::" + json.getString("author");
    }

    private static List<String> changesets(JsonArray applied) {
        return applied.stream().map(v -> changeset(v.asJsonObject().getJsonObject("changeset"))).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(v -> v.getValueType() == JsonValue.ValueType.STRING
                ? ((jakarta.json.JsonString) v).getString() : changeset(v.asJsonObject())).toList();
    }

    /** Every column of every tracking row with its row version (xmin): even a rewrite of equal values shows. */
    private static String trackingTables() throws SQLException {
        return text("SELECT (SELECT string_agg(t::text || ' xmin ' || t.xmin, E'\\n' ORDER BY orderexecuted) FROM databasechangelog t)"
                + " || E'\\n' || (SELECT count(*) FROM pg_tables WHERE tablename = 'databasechangeloglock')"
                + " || ' lock tables, advisory locks: ' || (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory')");
    }

    private static boolean tableExists(String table) throws SQLException {
        return "1".equals(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table + "'"));
    }

    private static String text(String query) throws SQLException {
        try (Connection c = TestDatabase.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String currentChecksumOfAlpha() throws Exception {
        return checksumOfAlpha(new ClassLoaderResourceAccessor(SchemaOperationsIT.class.getClassLoader()), "test-changelogs/ops/ops-alpha.sql");
    }

    private static String checksumOfEditedAlpha(Path dir) throws Exception {
        Path file = dir.resolve("ops-alpha.sql");
        Files.writeString(file, Files.readString(Path.of("src/test/resources/test-changelogs/ops/ops-alpha.sql"))
                .replace("label VARCHAR(20)", "label VARCHAR(40)"));
        return checksumOfAlpha(new DirectoryResourceAccessor(dir), "ops-alpha.sql");
    }

    private static String checksumOfAlpha(ResourceAccessor accessor, String path) throws Exception {
        return inScope(accessor, () -> {
            ChangeSet alpha = ChangeLogParserFactory.getInstance().getParser(path, accessor)
                    .parse(path, new ChangeLogParameters(), accessor).getChangeSets().get(0);
            CheckSum sum = alpha.generateCheckSum(ChecksumVersion.latest());
            return sum.toString();
        });
    }

    private static <T> T inScope(ResourceAccessor accessor, Callable<T> action) throws Exception {
        return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor, "liquibase.analytics.enabled", Boolean.FALSE),
                action::call);
    }

    /** The production WAR plus the test changelogs under liquibase/test/ops/. */
    private static Path warWithOpsChangelogs() {
        Path war = PayaraMicroProcess.workDir().resolve("narasi-ahli-ops-changelogs.war");
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("narasi.it.war")));
        for (String file : List.of("ops-master.xml", "ops-tag-baseline.xml", "ops-alpha.sql", "ops-beta.sql", "ops-tag-release.xml",
                "ops-gamma.sql", "ops-irreversible.sql")) {
            archive.addAsResource("test-changelogs/ops/" + file, "liquibase/test/ops/" + file);
        }
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    /**
     * The migration lock taken through Liquibase's lock service from another connection, as another
     * instance in the middle of its migration holds it.
     */
    private record HeldElsewhere(Connection connection, Database liquibase, LockService lockService, String lockedBy)
            implements AutoCloseable {

        static HeldElsewhere take(String database) throws Exception {
            Connection connection = TestDatabase.dataSource(database).getConnection();
            ResourceAccessor accessor = new ClassLoaderResourceAccessor(SchemaOperationsIT.class.getClassLoader());
            return inScope(accessor, () -> {
                Database liquibase = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                LockService lockService = LockServiceFactory.getInstance().getLockService(liquibase);
                assertTrue(lockService.acquireLock());
                String lockedBy = lockService.listLocks()[0].getLockedBy();
                return new HeldElsewhere(connection, liquibase, lockService, lockedBy);
            });
        }

        @Override
        public void close() throws Exception {
            inScope(new ClassLoaderResourceAccessor(SchemaOperationsIT.class.getClassLoader()), () -> {
                LockServiceFactory.getInstance().resetAll();
                try {
                    liquibase.close();
                } catch (Exception e) {
                    // its session was ended by DELETE /locks: nothing left to close
                }
                return null;
            });
        }
    }
}
