package id.narasiahli.observability;

import id.narasiahli.platform.control.DatabaseOutage;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database health endpoints against the shared server's real PostgreSQL: what they list, that only
 * administrators see it, and that they answer (skipping what is locked) while another session holds ACCESS
 * EXCLUSIVE locks on the tables they read, as a migration does.
 */
class DatabaseHealthIT {

    private static final String BASE = "/api/admin/database";
    private static final List<String> ENDPOINTS = List.of(BASE, BASE + "/tables", BASE + "/indexes", BASE + "/statements",
            BASE + "/activity");

    private final Api api = SharedServer.api();

    @Test
    void onlyAdministratorsMaySeeIt() {
        Api.User user = api.newUser("Eka");
        for (String path : ENDPOINTS) {
            Api.Response refused = user.api().get(path);
            assertEquals(403, refused.status(), path + " " + refused);
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), path);
            assertEquals(401, api.get(path).status(), path);
        }
        assertEquals(400, api.admin().api().get(BASE + "/tables?limit=0").status());
    }

    @Test
    void theEndpointsAreDescribedInOpenApi() {
        Api.Response openapi = api.get("/openapi");
        assertEquals(200, openapi.status());
        for (String path : ENDPOINTS) {
            assertTrue(openapi.body().contains(path + ":"), path + " missing from /openapi");
        }
    }

    @Test
    void sizesIncludeTheChatMessagesTable() {
        Api.User admin = api.admin();
        JsonObject overview = ok(admin, BASE);
        assertEquals(SharedServer.DATABASE, overview.getString("name"));
        assertTrue(overview.getJsonNumber("sizeBytes").longValue() > 1_000_000, overview.toString());
        assertTrue(overview.containsKey("statsSince"));

        JsonObject tables = ok(admin, BASE + "/tables?limit=500");
        JsonObject messages = named(tables.getJsonArray("tables"), "chat_messages").orElseThrow(() -> new AssertionError(tables));
        assertEquals("public", messages.getString("schema"));
        long total = messages.getJsonNumber("totalBytes").longValue();
        assertTrue(total > 0 && total == messages.getJsonNumber("tableBytes").longValue() + messages.getJsonNumber("indexBytes").longValue(),
                messages.toString());
        assertTrue(messages.containsKey("rowEstimate"));
        assertEquals(JsonValue.NULL, messages.get("lockedBy"));
        assertEquals(0, tables.getJsonArray("skipped").size(), tables.toString());
        assertEquals(2, ok(admin, BASE + "/tables?limit=2").getJsonArray("tables").size(), "the limit bounds the list");
    }

    @Test
    void anIndexNeverUsedIsUnusedAndAFailedConcurrentBuildIsInvalid() {
        String table = "obs_probe_" + UUID.randomUUID().toString().substring(0, 8);
        ApiDatabase.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, code int NOT NULL, note text)");
        try {
            ApiDatabase.execute("CREATE INDEX " + table + "_note ON " + table + " (note)");
            ApiDatabase.execute("INSERT INTO " + table + " VALUES (1, 7, 'a'), (2, 7, 'b')");
            IllegalStateException failed = assertThrows(IllegalStateException.class,
                    () -> ApiDatabase.execute("CREATE UNIQUE INDEX CONCURRENTLY " + table + "_code ON " + table + " (code)"));
            assertTrue(failed.getMessage().contains("could not create unique index"), failed.getMessage());

            JsonObject indexes = ok(api.admin(), BASE + "/indexes?limit=500");
            JsonObject unused = named(indexes.getJsonArray("unused"), table + "_note").orElseThrow(() -> new AssertionError(indexes));
            assertEquals(table, unused.getString("table"));
            assertEquals(0, unused.getInt("scans"));
            assertTrue(unused.getJsonNumber("bytes").longValue() > 0);
            assertTrue(named(indexes.getJsonArray("unused"), table + "_pkey").isEmpty(), "a constraint's index is not 'unused'");
            assertTrue(named(indexes.getJsonArray("unused"), table + "_code").isEmpty(), "an invalid index is listed as invalid");

            JsonObject invalid = named(indexes.getJsonArray("invalid"), table + "_code").orElseThrow(() -> new AssertionError(indexes));
            assertFalse(invalid.getBoolean("valid"));
            assertTrue(invalid.getString("definition").startsWith("CREATE UNIQUE INDEX " + table + "_code ON public." + table),
                    invalid.toString());
        } finally {
            ApiDatabase.execute("DROP TABLE " + table);
        }
    }

    @Test
    void withoutPgStatStatementsItSaysHowToEnableIt() {
        assertEquals(0, ApiDatabase.count("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'"));
        JsonObject statements = ok(api.admin(), BASE + "/statements");
        assertFalse(statements.getBoolean("available"));
        String message = statements.getString("message");
        assertTrue(message.contains("shared_preload_libraries") && message.contains("CREATE EXTENSION pg_stat_statements"), message);
        assertEquals(0, statements.getJsonArray("statements").size());
        assertEquals(400, api.admin().api().get(BASE + "/statements?orderBy=calls").status());
    }

    /**
     * A migration-like session holds ACCESS EXCLUSIVE locks on chat tables and another session waits behind it: every
     * endpoint still answers, reports the locked tables without their size, naming the holder, and shows the waiting
     * session with its blocker.
     */
    @Test
    void answersWhileAMigrationHoldsLocksAndShowsWhoBlocksWhom() throws Exception {
        Api.User admin = api.admin();
        try (Connection holder = ApiDatabase.dataSource().getConnection(); Connection waiter = ApiDatabase.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            int holderPid = pid(holder);
            int waiterPid = pid(waiter);
            try (Statement s = holder.createStatement()) {
                s.execute("SET application_name = 'obs-migration'");
                s.execute("LOCK TABLE chat_messages, conversations IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> count(waiter, "SELECT count(*) FROM chat_messages"));
            awaitWaiting(waiterPid);

            for (String path : ENDPOINTS) {
                assertEquals(200, admin.api().get(path).status(), path);
            }
            JsonObject tables = ok(admin, BASE + "/tables");
            for (String locked : List.of("chat_messages", "conversations")) {
                JsonObject table = named(tables.getJsonArray("tables"), locked).orElseThrow(() -> new AssertionError(tables));
                assertEquals(JsonValue.NULL, table.get("totalBytes"), table.toString());
                assertTrue(table.getJsonArray("lockedBy").getValuesAs(jakarta.json.JsonNumber.class).stream()
                        .anyMatch(n -> n.intValue() == holderPid), table.toString());
            }
            assertTrue(named(tables.getJsonArray("tables"), "users").orElseThrow().getJsonNumber("totalBytes").longValue() > 0,
                    "the other tables still have their sizes");
            assertEquals(0, tables.getJsonArray("skipped").size(), "locked relations are left out before any lock wait");

            JsonObject activity = ok(admin, BASE + "/activity?longerThanSeconds=0");
            JsonObject blocked = withPid(activity.getJsonArray("blocked"), waiterPid).orElseThrow(() -> new AssertionError(activity));
            assertEquals(holderPid, blocked.getJsonArray("blockedBy").getInt(0), blocked.toString());
            assertEquals("AccessShareLock", blocked.getString("lockMode"));
            assertEquals("chat_messages", blocked.getString("relation"));
            JsonObject blocker = withPid(activity.getJsonArray("blockers"), holderPid).orElseThrow(() -> new AssertionError(activity));
            assertEquals("obs-migration", blocker.getString("application"));
            assertTrue(withPid(activity.getJsonArray("longTransactions"), holderPid).isPresent(), activity.toString());
            assertTrue(activity.getJsonArray("connections").size() > 0);

            holder.rollback();
            waiting.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The application's database refuses connections and its open ones are ended: 503 problem+json, not 500. Afterwards
     * the pool recovers (a connection unused for 10 s is validated on borrow, and a failed validation renews the pool),
     * so the tests after this one see a working server.
     */
    @Test
    void aDatabaseOutageIsServiceUnavailable() throws InterruptedException {
        Api.User admin = api.admin();
        try {
            TestDatabase.execute("postgres", "ALTER DATABASE " + SharedServer.DATABASE + " ALLOW_CONNECTIONS false");
            TestDatabase.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + SharedServer.DATABASE + "' AND pid <> pg_backend_pid()");
            Api.Response down = admin.api().get(BASE + "/tables");
            assertEquals(503, down.status(), down.toString());
            assertTrue(down.header("Content-Type").startsWith("application/problem+json"), down.toString());
            assertEquals(Long.toString(DatabaseOutage.RETRY_AFTER_SECONDS), down.header("Retry-After"));
            assertTrue(down.json().getString("detail").startsWith("The database cannot be reached"), down.toString());
        } finally {
            TestDatabase.execute("postgres", "ALTER DATABASE " + SharedServer.DATABASE + " ALLOW_CONNECTIONS true");
        }
        Thread.sleep(11_000);
        int status = 0;
        for (int i = 0; i < 20 && status != 200; i++) {
            status = admin.api().get(BASE).status();
        }
        assertEquals(200, status, "the endpoint recovers with the database");
        assertEquals(200, admin.api().get("/api/me").status());
    }

    private static JsonObject ok(Api.User admin, String path) {
        Api.Response response = admin.api().get(path);
        assertEquals(200, response.status(), path + " " + response);
        return response.json();
    }

    private static Optional<JsonObject> named(JsonArray rows, String name) {
        return rows.getValuesAs(JsonObject.class).stream().filter(row -> name.equals(row.getString("name"))).findFirst();
    }

    private static Optional<JsonObject> withPid(JsonArray rows, int pid) {
        return rows.getValuesAs(JsonObject.class).stream().filter(row -> row.getInt("pid") == pid).findFirst();
    }

    private static int pid(Connection connection) throws SQLException {
        return (int) count(connection, "SELECT pg_backend_pid()");
    }

    private static long count(Connection connection, String sql) {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void awaitWaiting(int pid) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (ApiDatabase.count("SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'", pid) == 1) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("session " + pid + " never waited for the lock");
    }
}
