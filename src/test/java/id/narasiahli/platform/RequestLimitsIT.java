package id.narasiahli.platform;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, items 4 and 5 over HTTP: oversized bodies are refused with 413 problem+json before anything
 * reads them, every string field is bounded, and the client address for throttling is the one the trusted
 * proxy appended (the shared server trusts one), not whatever the client wrote left of it.
 */
class RequestLimitsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Api api;

    @BeforeAll
    static void server() {
        api = SharedServer.api();
    }

    @Test
    void aJsonBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String body = "{\"email\":\"a@example.com\",\"password\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> declared = send(HttpRequest.BodyPublishers.ofString(body), "application/json", "/api/auth/login");
        assertProblem(413, declared);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                "application/json", "/api/auth/login");
        assertProblem(413, chunked);
    }

    @Test
    void anUploadOverTheLimitToSomeoneElsesConversationIs413AndStoresNothing() throws Exception {
        Api.User ani = api.newUser("Ani Batas");
        Api.User budi = api.newUser("Budi Batas");
        Api.User outsider = api.newUser("Orang Luar");
        int conversation = ani.api().post("/api/conversations", Json.createObjectBuilder().add("participantId", budi.id()).build())
                .json().getInt("id");
        String files = SharedServer.queryValue("SELECT count(*)::text FROM stored_files");
        byte[] big = new byte[12 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        Api.Response upload = outsider.api().upload("/api/conversations/" + conversation + "/messages", "file", "big.png",
                "image/png", big);
        assertEquals(413, upload.status(), upload.toString());
        assertEquals("application/problem+json", upload.header("Content-Type").split(";")[0]);
        assertEquals(files, SharedServer.queryValue("SELECT count(*)::text FROM stored_files"));
    }

    @Test
    void stringFieldsAreBounded() {
        Api.Response login = api.post("/api/auth/login", Json.createObjectBuilder()
                .add("email", "e".repeat(300) + "@example.com").add("password", "p".repeat(200)).build());
        assertEquals(400, login.status(), login.toString());
        assertEquals(2, login.json().getJsonArray("errors").size(), login.toString());
        Api.Response refresh = api.post("/api/auth/refresh", Json.createObjectBuilder().add("refreshToken", "r".repeat(5000)).build());
        assertEquals(400, refresh.status(), refresh.toString());
    }

    @Test
    void theThrottleCountsTheAddressTheTrustedProxyAppendedNotTheOneTheClientWrote() {
        String proxied = "172.40." + (Math.abs(UUID.randomUUID().hashCode()) % 250) + ".1";
        for (int i = 0; i < 5; i++) {
            Api spoofing = api.from("198.51.100." + i + ", " + proxied);
            assertEquals(401, spoofing.post("/api/auth/login", Json.createObjectBuilder()
                    .add("email", "nobody-" + UUID.randomUUID() + "@example.com").add("password", "wrong guess").build()).status());
        }
        Api.Response sixth = api.from("203.0.113.99, " + proxied).post("/api/auth/login", Json.createObjectBuilder()
                .add("email", "nobody-" + UUID.randomUUID() + "@example.com").add("password", "wrong guess").build());
        assertEquals(429, sixth.status(), "five failures from " + proxied + " throttle it whatever the client prepends: " + sixth);
    }

    private static HttpResponse<String> send(HttpRequest.BodyPublisher body, String contentType, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(api.base().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("X-Forwarded-For", "172.41.0.1")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("limit"), response.body());
    }
}
