package id.narasiahli.platform;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, items 4 and 5 over HTTP: oversized bodies are refused with 413 problem+json before anything
 * reads them, every string field is bounded, and the client address for throttling is the one the trusted
 * proxy appended (the shared server trusts one), not whatever the client wrote left of it.
 */
class RequestLimitsIT {

    private static Api api;

    @BeforeAll
    static void server() {
        api = SharedServer.api();
    }

    /**
     * The client declares 2 MiB but sends only the first kilobyte: a server that refuses before reading answers
     * at once, one that reads first would wait for the rest (and then accept a body of any size).
     */
    @Test
    void aJsonBodyDeclaredOverTheLimitIs413BeforeItIsRead() throws Exception {
        String head = "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Forwarded-For: 172.41.0.1\r\nContent-Length: " + (2 * 1024 * 1024) + "\r\n\r\n";
        assertProblem413(raw(head, ("{\"email\":\"a@example.com\",\"password\":\"" + "x".repeat(1000)).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIs413() throws Exception {
        String head = "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Forwarded-For: 172.41.0.2\r\nTransfer-Encoding: chunked\r\n\r\n";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 32; i++) { // 2 MiB
            body.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(chunk);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertProblem413(raw(head, body.toByteArray()));
    }

    @Test
    void anUploadOverTheLimitToSomeoneElsesConversationIs413AndStoresNothing() throws Exception {
        Api.User ani = api.newUser("Ani Batas");
        Api.User budi = api.newUser("Budi Batas");
        Api.User outsider = api.newUser("Orang Luar");
        int conversation = ani.api().post("/api/conversations", Json.createObjectBuilder().add("participantId", budi.id()).build())
                .json().getInt("id");
        String files = SharedServer.queryValue("SELECT count(*)::text FROM stored_files");
        // declares 1 GiB, sends 64 KiB: nothing of it may be parsed, spooled or stored
        String head = "POST /api/conversations/" + conversation + "/messages HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + outsider.accessToken() + "\r\nX-Forwarded-For: 172.41.0.3\r\n"
                + "Content-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: " + (1L << 30) + "\r\n\r\n";
        byte[] start = ("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n" + "a".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);
        assertProblem413(raw(head, start));
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

    /** Writes {@code head} and {@code body} on a raw connection and returns what the server answers within 20 s. */
    private static String raw(String head, byte[] body) throws Exception {
        try (Socket socket = new Socket(api.base().getHost(), api.base().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    answer.write(buffer, 0, n);
                    String text = answer.toString(StandardCharsets.UTF_8);
                    int end = text.indexOf("\r\n\r\n");
                    if (end >= 0 && text.substring(end + 4).contains("}")) {
                        break; // the whole problem document (one JSON object) has arrived
                    }
                }
            } catch (SocketTimeoutException e) {
                // what arrived so far is the answer; an empty one fails below
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem413(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 413"), "answered at once with 413, not after reading the body: " + answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("limit"), answer);
    }
}
