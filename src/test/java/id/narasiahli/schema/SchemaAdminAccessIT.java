package id.narasiahli.schema;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.PrometheusText;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema admin API on the shared server (production changelog, schema mode update): administrators
 * only, and what it reports about a database the startup migration brought to head.
 */
class SchemaAdminAccessIT {

    private record Endpoint(String method, String path) {

        Api.Response call(Api api) {
            JsonObject body = Json.createObjectBuilder().build();
            return switch (method) {
                case "GET" -> api.get(path);
                case "POST" -> api.post(path, body);
                case "DELETE" -> api.delete(path);
                default -> throw new IllegalArgumentException(method);
            };
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/admin/schema/status"),
            new Endpoint("GET", "/api/admin/schema/history"),
            new Endpoint("POST", "/api/admin/schema/dry-run"),
            new Endpoint("POST", "/api/admin/schema/apply"),
            new Endpoint("POST", "/api/admin/schema/rollback/preview"),
            new Endpoint("POST", "/api/admin/schema/rollback"),
            new Endpoint("GET", "/api/admin/schema/tags"),
            new Endpoint("GET", "/api/admin/schema/tags/anything"),
            new Endpoint("POST", "/api/admin/schema/tags"),
            new Endpoint("GET", "/api/admin/schema/validation"),
            new Endpoint("GET", "/api/admin/schema/locks"),
            new Endpoint("DELETE", "/api/admin/schema/locks"),
            new Endpoint("POST", "/api/admin/schema/repair"),
            new Endpoint("GET", "/api/admin/schema/audit"));

    private static Api admin;
    private static Api user;
    private static Api anonymous;

    @BeforeAll
    static void callers() {
        anonymous = SharedServer.api();
        admin = anonymous.admin().api();
        user = anonymous.newUser("Plain User").api();
    }

    @Test
    void usersWhoAreNotAdministratorsGet403OnEveryEndpoint() {
        assertEveryEndpoint(403, user);
    }

    @Test
    void callersWithoutTokenGet401OnEveryEndpoint() {
        assertEveryEndpoint(401, anonymous);
        assertEveryEndpoint(401, anonymous.as("not-a-jwt"));
    }

    @Test
    void statusOfADatabaseTheStartupMigrationBroughtToHead() {
        JsonObject status = ok(admin.get("/api/admin/schema/status"));
        assertEquals("update", status.getString("mode"));
        assertEquals(Changelogs.MASTER, status.getString("changelog"));
        assertEquals("production", status.getString("contexts"));
        assertTrue(status.getBoolean("atHead"));
        assertEquals(0, status.getInt("pendingCount"));
        assertEquals(Changelogs.productionChangesets().size(), status.getInt("appliedCount"));
        assertTrue(status.getBoolean("checksumsValid"));
        assertFalse(status.getJsonObject("lock").getBoolean("locked"));
        assertEquals(List.of(), status.getJsonArray("unexpected"));
        assertTrue(ok(admin.get("/api/admin/schema/validation")).getBoolean("valid"));

        // the startup migration that did it is in the metrics: every changeset counted, one timed, successful run
        PrometheusText metrics = PrometheusText.scrape(SharedServer.get().baseUri());
        String startup = "kind=\"startup\"";
        assertEquals(Changelogs.productionChangesets().size(), metrics.value("narasi_migration_changesets_applied_total", startup),
                metrics.samples("narasi_migration_changesets_applied_total").toString());
        assertEquals(1.0, metrics.value("narasi_migration_runs_total", startup, "outcome=\"succeeded\""));
        assertEquals(1.0, metrics.value("narasi_migration_run_seconds_count", startup));
        assertEquals(0.0, metrics.value("narasi_migration_changesets_failed_total", startup));
        assertEquals(0.0, metrics.value("narasi_migration_changesets_pending"));
    }

    @Test
    void historyShowsTheDurationOfEveryChangesetTheStartupApplied() {
        JsonArray history = admin.get("/api/admin/schema/history").array();
        List<String> expected = Changelogs.productionChangesets().stream().map(c -> c.getId()).toList();
        assertEquals(expected, history.stream().map(v -> v.asJsonObject().getString("id")).toList());
        Set<String> deployments = new HashSet<>();
        for (JsonValue value : history) {
            JsonObject row = value.asJsonObject();
            assertTrue(row.containsKey("durationMs") && row.getJsonNumber("durationMs").longValue() >= 0, row.toString());
            assertEquals("EXECUTED", row.getString("execType"));
            deployments.add(row.getString("deploymentId"));
        }
        assertEquals(1, deployments.size(), "one startup, one deployment: " + deployments);
    }

    @Test
    void nothingIsPendingSoADryRunIsEmptyAndApplyingMoreIsRefused() {
        JsonObject dryRun = ok(admin.post("/api/admin/schema/dry-run", Json.createObjectBuilder().add("all", true).build()));
        assertEquals(List.of(), dryRun.getJsonArray("changesets"));
        JsonObject nothing = ok(admin.post("/api/admin/schema/apply", Json.createObjectBuilder().add("all", true).build()));
        assertEquals(List.of(), nothing.getJsonArray("applied"));

        Api.Response refused = admin.post("/api/admin/schema/apply", Json.createObjectBuilder().add("count", 1).build());
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("count: 1 is more than the 0 pending changesets; nothing was changed", refused.json().getString("detail"));
        assertEquals(0, ok(admin.get("/api/admin/schema/status")).getInt("pendingCount"));
    }

    private static void assertEveryEndpoint(int status, Api caller) {
        for (Endpoint endpoint : ENDPOINTS) {
            Api.Response response = endpoint.call(caller);
            assertEquals(status, response.status(), endpoint + ": " + response);
            assertTrue(response.header("Content-Type").startsWith("application/problem+json"), endpoint + ": " + response.headers());
        }
    }

    private static JsonObject ok(Api.Response response) {
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }
}
