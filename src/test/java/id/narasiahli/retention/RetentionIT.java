package id.narasiahli.retention;

import id.narasiahli.retention.control.ClusterLock;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Api.Part;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention through the ADMIN endpoint, which runs the timer's code: exactly the expired rows go, whatever
 * else the shared database holds; one run at a time per cluster; administrators only.
 */
class RetentionIT {

    private static final String RUN = "/api/admin/retention/run";

    private final Api api = SharedServer.api();

    @Test
    void removesExactlyTheExpiredSessionsAndUnreferencedFiles() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        int expired = session(ani, 2, "deleted", "31 days");
        ApiDatabase.execute("INSERT INTO ai_chat_logs (session_id, user_id, start_date) VALUES (?, ?, now())", expired, ani.id());
        int recentlyDeleted = session(ani, 1, "deleted", "29 days");
        int oldActive = session(ani, 1, "active", "90 days");
        int oldArchived = session(ani, 0, "archived", "90 days");

        UUID orphan = file(ani, "2 days");
        UUID freshOrphan = file(ani, "0 days");
        UUID certificate = file(ani, "2 days");
        UUID certificateByUrl = file(ani, "2 days");
        ApiDatabase.execute("INSERT INTO education_histories (user_id, school_name, major, education_level, graduation_year, certificate_image)"
                + " VALUES (?, 'UI', 'Hukum', 'S1', 2010, ?), (?, 'ITB', 'Fisika', 'S2', 2014, ?)",
                ani.id(), "/api/files/" + certificate, ani.id(), "https://narasi.example/api/files/" + certificateByUrl + "?v=1");
        int conversation = ani.api().post("/api/conversations", Json.createObjectBuilder().add("participantId", budi.id()).build())
                .json().getInt("id");
        String attachmentUrl = ani.api().multipart("/api/conversations/" + conversation + "/messages",
                Part.file("file", "foto.png", "image/png", png())).json().getString("fileUrl");
        UUID attachment = UUID.fromString(attachmentUrl.substring("/api/files/".length()));
        ApiDatabase.execute("UPDATE stored_files SET created_at = now() - interval '2 days' WHERE id = ?", attachment);

        Set<Object> sessionsBefore = ids("SELECT id FROM ai_chat_sessions");
        Set<Object> filesBefore = ids("SELECT id FROM stored_files");
        long otherMessages = ApiDatabase.count("SELECT count(*) FROM ai_chat_messages WHERE session_id <> ?", expired);

        Api.Response run = api.admin().api().post(RUN, Json.createObjectBuilder().build());
        assertEquals(200, run.status(), run.toString());
        JsonObject report = run.json();
        assertTrue(report.getBoolean("ran"));
        assertEquals("admin", report.getString("trigger"));
        assertEquals(1, report.getInt("sessions"));
        assertEquals(2, report.getInt("sessionMessages"));
        assertEquals(1, report.getInt("sessionLogs"));
        assertEquals(1, report.getInt("files"));
        assertEquals(4, report.getInt("fileBytes"));

        Set<Object> sessionsGone = new HashSet<>(sessionsBefore);
        sessionsGone.removeAll(ids("SELECT id FROM ai_chat_sessions"));
        assertEquals(Set.of(expired), sessionsGone);
        Set<Object> filesGone = new HashSet<>(filesBefore);
        filesGone.removeAll(ids("SELECT id FROM stored_files"));
        assertEquals(Set.of(orphan), filesGone);
        assertEquals(0, ApiDatabase.count("SELECT count(*) FROM ai_chat_messages WHERE session_id = ?", expired));
        assertEquals(0, ApiDatabase.count("SELECT count(*) FROM ai_chat_logs WHERE session_id = ?", expired));
        assertEquals(otherMessages, ApiDatabase.count("SELECT count(*) FROM ai_chat_messages"));
        for (int kept : List.of(recentlyDeleted, oldActive, oldArchived)) {
            assertEquals(1, ApiDatabase.count("SELECT count(*) FROM ai_chat_sessions WHERE id = ?", kept));
        }
        for (UUID kept : List.of(freshOrphan, certificate, certificateByUrl, attachment)) {
            assertEquals(1, ApiDatabase.count("SELECT count(*) FROM stored_files WHERE id = ?", kept), kept.toString());
        }
        assertEquals(200, budi.api().download(attachmentUrl).statusCode(), "the attachment still downloads");

        Api.Response again = api.admin().api().post(RUN, Json.createObjectBuilder().build());
        assertEquals(0, again.json().getInt("sessions"), "nothing left to remove");
        assertEquals(0, again.json().getInt("files"));
        assertTrue(SharedServer.get().log().contains("Retention (admin) removed 1 AI sessions deleted before "), "logged");
    }

    @Test
    void whileAnotherInstanceHoldsTheLockARunRemovesNothingAndSaysSo() throws Exception {
        Api.User ani = api.newUser("Ani");
        int expired = session(ani, 0, "deleted", "45 days");
        Api.User admin = api.admin();
        try (Connection other = ApiDatabase.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ClusterLock.RETENTION);
                lock.execute();
            }
            Api.Response busy = admin.api().post(RUN, Json.createObjectBuilder().build());
            assertEquals(409, busy.status(), busy.toString());
            assertEquals(1, ApiDatabase.count("SELECT count(*) FROM ai_chat_sessions WHERE id = ?", expired));
            other.rollback();
        }
        assertEquals(200, admin.api().post(RUN, Json.createObjectBuilder().build()).status());
        assertEquals(0, ApiDatabase.count("SELECT count(*) FROM ai_chat_sessions WHERE id = ?", expired));
    }

    @Test
    void onlyAdministratorsMayRunIt() {
        Api.User ani = api.newUser("Ani");
        Api.Response user = ani.api().post(RUN, Json.createObjectBuilder().build());
        assertEquals(403, user.status(), user.toString());
        assertTrue(String.valueOf(user.header("Content-Type")).startsWith("application/problem+json"));
        assertEquals(401, api.post(RUN, Json.createObjectBuilder().build()).status());
    }

    @Test
    void everyInstanceSchedulesTheTimerFromConfiguration() {
        assertTrue(SharedServer.get().log().contains("Retention timer scheduled: hour 3, minute 30 UTC; deleted AI sessions after 30 days,"
                + " unreferenced files after 24 hours"), "the default schedule is logged at startup");
    }

    /** A session of {@code user} with {@code messages} messages, then given {@code status}, last changed {@code age} ago. */
    private static int session(Api.User user, int messages, String status, String age) {
        int id = user.api().post("/api/ai-sessions", Json.createObjectBuilder().add("title", "Sesi " + status).build()).json().getInt("id");
        for (int i = 0; i < messages; i++) {
            Api.Response appended = user.api().post("/api/ai-sessions/" + id + "/messages",
                    Json.createObjectBuilder().add("messageType", "user").add("content", "m" + i).build());
            assertEquals(201, appended.status(), appended.toString());
        }
        ApiDatabase.execute("UPDATE ai_chat_sessions SET status = ?, updated_at = now() - ?::interval WHERE id = ?", status, age, id);
        return id;
    }

    /** A stored file no one refers to, created {@code age} ago. */
    private static UUID file(Api.User owner, String age) {
        UUID id = UUID.randomUUID();
        ApiDatabase.execute("INSERT INTO stored_files (id, owner_id, content_type, byte_size, sha256, file_name, data, created_at)"
                + " VALUES (?, ?, 'text/plain', 4, repeat('0', 64), 'x.txt', '\\x41424344'::bytea, now() - ?::interval)", id, owner.id(), age);
        return id;
    }

    private static Set<Object> ids(String sql) {
        Set<Object> ids = new HashSet<>();
        ApiDatabase.rows(sql).forEach(r -> ids.add(r.get(0)));
        return ids;
    }

    private static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }
}
