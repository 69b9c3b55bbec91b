package id.narasiahli.observability;

import id.narasiahli.testsupport.http.PrometheusText;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's metrics at Payara's /metrics, as Prometheus scrapes them, after real API traffic. */
class MetricsIT {

    private final Api api = SharedServer.api();

    @Test
    void requestMetricsCarryTheRouteTemplateNeverTheConcreteId() throws Exception {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        int conversation = ani.api().post("/api/conversations", Json.createObjectBuilder().add("participantId", budi.id()).build())
                .json().getInt("id");
        String route = "route=\"/api/conversations/{id}/messages\"";
        PrometheusText before = PrometheusText.scrape(api.base());
        double sent = count(before, route, "method=\"POST\"", "status=\"2xx\"");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, ani.api().post("/api/conversations/" + conversation + "/messages",
                    Json.createObjectBuilder().add("text", "halo " + i).build()).status());
        }
        assertEquals(404, ani.api().get("/api/conversations/" + (conversation + 100_000) + "/messages").status());

        PrometheusText after = PrometheusText.scrape(api.base());
        Files.writeString(Path.of("target", "it", "metrics-sample.txt"), after.body());
        assertEquals(sent + 3, count(after, route, "method=\"POST\"", "status=\"2xx\""), after.body());
        assertEquals(1, count(after, route, "method=\"GET\"", "status=\"4xx\"") - count(before, route, "method=\"GET\"", "status=\"4xx\""));
        assertTrue(after.value("narasi_http_server_requests_seconds_sum", route, "method=\"POST\"", "status=\"2xx\"") > 0);
        assertFalse(after.body().contains("/api/conversations/" + conversation), "no concrete id in any series");
    }

    @Test
    void loginsAreCountedBySucceededFailedAndThrottled() {
        Api.User user = api.newUser("Citra");
        PrometheusText before = PrometheusText.scrape(api.base());
        Api from = api.from("172.30.0.1");
        assertEquals(200, from.post("/api/auth/login", credentials(user.email(), user.password())).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, from.post("/api/auth/login", credentials(user.email(), "wrong " + i)).status());
        }
        assertEquals(429, from.post("/api/auth/login", credentials(user.email(), user.password())).status());

        PrometheusText after = PrometheusText.scrape(api.base());
        assertEquals(1, delta(before, after, "narasi_auth_logins_total", "outcome=\"succeeded\""), after.body());
        assertEquals(5, delta(before, after, "narasi_auth_logins_total", "outcome=\"failed\""));
        assertEquals(1, delta(before, after, "narasi_auth_logins_total", "outcome=\"throttled\""));
    }

    @Test
    void aReusedRefreshTokenIsCounted() {
        Api.User user = api.newUser("Dewi");
        PrometheusText before = PrometheusText.scrape(api.base());
        assertEquals(200, api.post("/api/auth/refresh", token(user.refreshToken())).status());
        assertEquals(401, api.post("/api/auth/refresh", token(user.refreshToken())).status());
        assertEquals(1, delta(before, PrometheusText.scrape(api.base()), "narasi_auth_refresh_token_reuse_total"));
    }

    @Test
    void retentionRunsAndPurgedRowsAreCounted() {
        Api.User admin = api.admin();
        PrometheusText before = PrometheusText.scrape(api.base());
        assertEquals(200, admin.api().post("/api/admin/retention/run", Json.createObjectBuilder().build()).status());
        PrometheusText after = PrometheusText.scrape(api.base());
        assertEquals(1, delta(before, after, "narasi_retention_runs_total", "trigger=\"admin\"", "outcome=\"ran\""));
        for (String table : new String[] {"ai_chat_sessions", "ai_chat_messages", "ai_chat_logs", "stored_files"}) {
            assertFalse(Double.isNaN(after.value("narasi_retention_purged_rows_total", "table=\"" + table + "\"")), table);
        }
    }

    private static double count(PrometheusText metrics, String... labels) {
        double value = metrics.value("narasi_http_server_requests_seconds_count", labels);
        return Double.isNaN(value) ? 0 : value;
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        double was = before.value(name, labels);
        return after.value(name, labels) - (Double.isNaN(was) ? 0 : was);
    }

    private static JsonObject credentials(String email, String password) {
        return Json.createObjectBuilder().add("email", email).add("password", password).build();
    }

    private static JsonObject token(String refreshToken) {
        return Json.createObjectBuilder().add("refreshToken", refreshToken).build();
    }
}
