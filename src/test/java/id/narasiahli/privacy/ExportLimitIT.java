package id.narasiahli.privacy;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 6: an export holds a pooled connection while the client reads it, so a user gets one
 * export at a time (429 with Retry-After for a second one while the first is still being sent) and the
 * slot comes back when the first ends.
 */
class ExportLimitIT {

    private final Api api = SharedServer.api();

    @Test
    void aSecondExportWhileTheFirstIsStillBeingReadIs429UntilTheFirstEnds() throws Exception {
        Api.User user = api.newUser("Ekspor Lambat");
        int session = user.api().post("/api/ai-sessions", Json.createObjectBuilder().add("title", "Besar").build()).json().getInt("id");
        // about 40 MB of export, far more than the socket buffers between the server and a reader that stopped reading
        SharedServer.queryValue("INSERT INTO ai_chat_messages (session_id, message_type, content)"
                + " SELECT ?, 'user', repeat('x', 100000) FROM generate_series(1, 400) RETURNING 1", session);

        try (Socket slowReader = new Socket()) {
            slowReader.setReceiveBufferSize(4096);
            slowReader.connect(new java.net.InetSocketAddress(api.base().getHost(), api.base().getPort()));
            OutputStream out = slowReader.getOutputStream();
            out.write(("GET /api/me/export HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + user.accessToken()
                    + "\r\nX-Forwarded-For: 172.50.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = slowReader.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", status, "the first export started");

            Api.Response second = user.api().get("/api/me/export");
            assertEquals(429, second.status(), second.body().length() > 300 ? second.body().substring(0, 300) : second.body());
            assertTrue(Long.parseLong(second.header("Retry-After")) > 0);
            assertEquals("application/problem+json", second.header("Content-Type").split(";")[0]);
        }
        Api.Response later = user.api().get("/api/me/export");
        for (int i = 0; i < 50 && later.status() == 429; i++) {
            Thread.sleep(200); // the server notices the closed socket at its next write
            later = user.api().get("/api/me/export");
        }
        assertEquals(200, later.status(), "the slot is released when the first export ends");
    }
}
