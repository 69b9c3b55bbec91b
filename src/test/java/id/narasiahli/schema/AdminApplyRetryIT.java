package id.narasiahli.schema;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.DatabaseFacts;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.payara.SharedServer;
import id.narasiahli.testsupport.payara.TestWar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API's apply ({@code POST /api/admin/schema/apply}) on a real Payara Micro goes through the startup
 * migration's lock-wait retry and INVALID-index repair: a DDL that meets a held lock gives up after the short
 * {@code lock_timeout}, is retried and logged per attempt, and succeeds once the lock is free; an INVALID index left
 * by a failed concurrent build is dropped and built again by the next apply instead of being skipped by
 * IF NOT EXISTS. Schema mode off, so only the API applies the three test changesets of admin-retry-master.xml.
 */
class AdminApplyRetryIT {

    private static final String CHANGELOG = "liquibase/test/admin-retry-master.xml";
    private static final String INVALID_INDEX = "liquibase/test/invalid-index.sql::invalid_index_unique_code::test";
    private static final String LOCK_WAIT = "liquibase/test/lock-wait.sql::lock_wait_add_column::test";
    private static final String FIRST = "liquibase/test/admin-retry-first.sql::admin_retry_first::test";

    private static String database;
    private static PayaraMicroProcess payara;
    private static Api admin;

    @BeforeAll
    static void serverWithTestChangesetsPending() {
        database = TestDatabase.createDatabase("admin_retry");
        Changelogs.update(database);
        payara = PayaraMicroProcess.start("admin-apply-retry", database, SharedServer.withAdministrator(Map.of(
                "NARASI_SCHEMA_MODE", "off", "NARASI_SCHEMA_CHANGELOG", CHANGELOG, "NARASI_SCHEMA_LOCK_TIMEOUT", "300ms",
                "NARASI_SCHEMA_LOCK_RETRIES", "50", "NARASI_SCHEMA_LOCK_RETRY_BACKOFF_MS", "200")), TestWar.withTestChangelogs());
        admin = new Api(payara.baseUri()).admin().api();
    }

    @AfterAll
    static void stopServer() {
        if (payara != null) {
            payara.close();
        }
    }

    @BeforeEach
    void testChangesetsPending() {
        TestDatabase.execute(database, "DELETE FROM databasechangelog WHERE filename LIKE 'liquibase/test/%';"
                + " DROP TABLE IF EXISTS lock_items, codes, admin_retry_first;"
                + " CREATE TABLE lock_items (id INTEGER PRIMARY KEY);"
                + " CREATE TABLE codes (id INTEGER PRIMARY KEY, code TEXT); INSERT INTO codes VALUES (1, 'a'), (2, 'a'), (3, 'b')");
    }

    @Test
    void invalidIndexLeftByAFailedConcurrentBuildIsDroppedAndBuiltAgainByTheNextApply() {
        Api.Response failed = admin.post("/api/admin/schema/apply", count(3));
        assertEquals(409, failed.status(), failed.toString());
        assertTrue(failed.json().getString("detail").contains("could not create unique index"), failed.toString());
        assertEquals("urn:narasi-ahli:problem:changeset-failed", failed.json().getString("type"), failed.toString());
        assertEquals(List.of("uq_codes_code on codes"), invalidIndexes(), "the failed CONCURRENTLY build left its index INVALID");

        TestDatabase.execute(database, "DELETE FROM codes WHERE id = 2");
        Api.Response applied = admin.post("/api/admin/schema/apply", count(1));
        assertEquals(200, applied.status(), applied.toString());
        assertEquals(List.of(INVALID_INDEX), appliedChangesets(applied.json()));

        assertEquals("t", TestDatabase.queryValue(database, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c"
                + " ON c.oid = i.indexrelid WHERE c.relname = 'uq_codes_code'"), "built again, not skipped by IF NOT EXISTS");
        assertEquals(List.of(), invalidIndexes());
        assertTrue(payara.log().contains("INVALID index uq_codes_code on codes left by a failed concurrent build: dropping it"),
                payara.logFile().toString());
    }

    @Test
    void applyWhoseDdlMeetsAHeldLockRetriesAndSucceedsOnceTheLockIsFree() throws Exception {
        int logBefore = payara.log().length();
        CompletableFuture<Api.Response> apply;
        try (Connection report = longReport()) {
            apply = CompletableFuture.supplyAsync(() -> admin.post("/api/admin/schema/apply", count(2)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!newLog(logBefore).contains("Lock wait: attempt 2 of 51") && System.nanoTime() < deadline && !apply.isDone()) {
                Thread.sleep(100);
            }
            String log = newLog(logBefore);
            assertFalse(apply.isDone(), "the apply waits while the report's transaction is open: " + (apply.isDone() ? apply.get() : ""));
            assertTrue(log.contains("Lock wait: attempt 1 of 51 could not get its lock within 300ms"), payara.logFile().toString());
            assertTrue(log.contains("Lock wait: attempt 2 of 51 could not get its lock within 300ms"), payara.logFile().toString());
            assertTrue(log.contains("waiting for AccessExclusiveLock on relation lock_items, held by backend pid")
                    && log.contains("application 'long-report'"), "names the blocker: " + payara.logFile());
            assertEquals(1, DatabaseFacts.migrationLockHolders(database), "between attempts the migration lock stays held");
            report.commit();
        }
        Api.Response applied = apply.get(120, TimeUnit.SECONDS);
        assertEquals(200, applied.status(), applied.toString());
        assertEquals(List.of(FIRST, LOCK_WAIT), appliedChangesets(applied.json()));
        assertEquals(1, applied.json().getInt("pendingCount"), "the retry applied the rest of the count, not two more");
        assertTrue(DatabaseFacts.columnExists(database, "lock_items", "note"));
        assertFalse(indexExists("uq_codes_code"), "the third changeset is not applied");
        assertEquals(0, DatabaseFacts.migrationLockHolders(database), "released after the apply");
    }

    /** A transaction that read the table and stays open: it holds ACCESS SHARE, which ALTER TABLE waits for. */
    private static Connection longReport() throws SQLException {
        Connection report = TestDatabase.dataSource(database).getConnection();
        report.setAutoCommit(false);
        try (Statement s = report.createStatement()) {
            s.execute("SET application_name = 'long-report'");
            s.execute("SELECT count(*) FROM lock_items");
        }
        return report;
    }

    private static boolean indexExists(String name) {
        return !"0".equals(TestDatabase.queryValue(database, "SELECT count(*) FROM pg_class WHERE relname = '" + name + "'"));
    }

    private static String newLog(int from) {
        String log = payara.log();
        return log.length() > from ? log.substring(from) : "";
    }

    private static List<String> invalidIndexes() {
        Api.Response status = admin.get("/api/admin/schema/status");
        assertEquals(200, status.status(), status.toString());
        return status.json().getJsonArray("invalidIndexes").getValuesAs(JsonString::getString);
    }

    private static List<String> appliedChangesets(JsonObject result) {
        return result.getJsonArray("applied").getValuesAs(JsonObject.class).stream().map(a -> a.getJsonObject("changeset"))
                .map(c -> c.getString("file") + "::" + c.getString("id") + "::" + c.getString("author")).toList();
    }

    private static JsonObject count(int count) {
        return Json.createObjectBuilder().add("count", count).build();
    }
}
