package id.narasiahli.aichat;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AI chat sessions and their messages over HTTP. */
class AiSessionsIT {

    private final Api api = SharedServer.api();

    @Test
    void creatingASessionGeneratesAnAiSessionIdUnlessOneIsGiven() {
        Api.User ani = api.newUser("Ani");
        Api.Response generated = create(ani, Json.createObjectBuilder().add("title", "Riset iklim"));
        assertEquals(201, generated.status(), generated.toString());
        JsonObject session = generated.json();
        assertTrue(generated.header("Location").endsWith("/api/ai-sessions/" + session.getInt("id")));
        assertTrue(session.getString("aiSessionId").matches("[0-9a-f-]{36}"), session.toString());
        assertEquals("Riset iklim", session.getString("title"));
        assertEquals("active", session.getString("status"));
        assertEquals(0, session.getInt("messageCount"));
        assertTrue(session.isNull("agentId"));

        String own = "prov:" + UUID.randomUUID();
        Api.Response given = create(ani, Json.createObjectBuilder().add("title", "Dengan id").add("agentId", "ahli-hukum").add("aiSessionId", own));
        assertEquals(201, given.status(), given.toString());
        assertEquals(own, given.json().getString("aiSessionId"));
        assertEquals("ahli-hukum", given.json().getString("agentId"));
        assertEquals(1, ApiDatabase.count("SELECT count(*) FROM ai_chat_sessions WHERE ai_session_id = ? AND user_id = ?", own, ani.id()));

        Api.Response taken = create(ani, Json.createObjectBuilder().add("title", "Lagi").add("aiSessionId", own));
        assertProblem(409, taken);
        assertEquals(1, ApiDatabase.count("SELECT count(*) FROM ai_chat_sessions WHERE ai_session_id = ?", own),
                "unique per user (another user may use the same id: AiSessionIdPerUserIT)");
    }

    @Test
    void aSessionNeedsATitleAndAWellFormedId() {
        Api.User ani = api.newUser("Ani");
        assertProblem(400, create(ani, Json.createObjectBuilder()));
        assertProblem(400, create(ani, Json.createObjectBuilder().add("title", "  ")));
        assertProblem(400, create(ani, Json.createObjectBuilder().add("title", "x".repeat(256))));
        assertProblem(400, create(ani, Json.createObjectBuilder().add("title", "ok").add("aiSessionId", "has spaces")));
        assertProblem(400, create(ani, Json.createObjectBuilder().add("title", "ok").add("aiSessionId", "x".repeat(101))));
        assertEquals(0, ApiDatabase.count("SELECT count(*) FROM ai_chat_sessions WHERE user_id = ?", ani.id()));
    }

    @Test
    void sessionsAreListedByStatusRenamedArchivedReactivatedAndDeleted() {
        Api.User ani = api.newUser("Ani");
        int first = create(ani, Json.createObjectBuilder().add("title", "Satu")).json().getInt("id");
        int second = create(ani, Json.createObjectBuilder().add("title", "Dua")).json().getInt("id");
        int third = create(ani, Json.createObjectBuilder().add("title", "Tiga")).json().getInt("id");

        Api.Response renamed = ani.api().patch("/api/ai-sessions/" + first, Json.createObjectBuilder().add("title", "Satu (baru)").build());
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("Satu (baru)", renamed.json().getString("title"));
        Api.Response archived = ani.api().patch("/api/ai-sessions/" + second, Json.createObjectBuilder().add("status", "archived").build());
        assertEquals("archived", archived.json().getString("status"));
        assertEquals(204, ani.api().delete("/api/ai-sessions/" + third).status());

        assertEquals(List.of(first), ids(ani.api().get("/api/ai-sessions?status=active").json()));
        assertEquals(List.of(second), ids(ani.api().get("/api/ai-sessions?status=archived").json()));
        JsonObject all = ani.api().get("/api/ai-sessions?sort=createdAt").json();
        assertEquals(List.of(first, second), ids(all), "deleted sessions are never listed");
        assertEquals(2, all.getInt("total"));
        assertProblem(400, ani.api().get("/api/ai-sessions?status=deleted"));
        assertProblem(400, ani.api().get("/api/ai-sessions?sort=secret"));
        assertProblem(404, ani.api().get("/api/ai-sessions/" + third));
        assertProblem(404, ani.api().delete("/api/ai-sessions/" + third));
        assertEquals("deleted", ApiDatabase.value("SELECT status FROM ai_chat_sessions WHERE id = ?", third), "kept until retention purges it");

        assertProblem(400, ani.api().patch("/api/ai-sessions/" + first, Json.createObjectBuilder().add("status", "deleted").build()));
        assertProblem(400, ani.api().patch("/api/ai-sessions/" + first, Json.createObjectBuilder().add("title", " ").build()));
        Api.Response reactivated = ani.api().patch("/api/ai-sessions/" + second, Json.createObjectBuilder().add("status", "active").build());
        assertEquals("active", reactivated.json().getString("status"));
    }

    @Test
    void messagesAreAppendedToActiveSessionsOnlyAndListedOldestFirst() {
        Api.User ani = api.newUser("Ani");
        int session = create(ani, Json.createObjectBuilder().add("title", "Tanya jawab")).json().getInt("id");
        Api.Response question = append(ani, session, "user", "Apa itu hukum Ohm?");
        assertEquals(201, question.status(), question.toString());
        assertTrue(question.header("Location").endsWith("/api/ai-sessions/" + session + "/messages/" + question.json().getInt("id")));
        assertEquals("user", question.json().getString("messageType"));
        for (int i = 0; i < 4; i++) {
            append(ani, session, i % 2 == 0 ? "assistant" : "user", "giliran " + i);
        }
        assertEquals(5, ani.api().get("/api/ai-sessions/" + session).json().getInt("messageCount"));

        JsonObject page = ani.api().get("/api/ai-sessions/" + session + "/messages?limit=2&offset=1").json();
        assertEquals(5, page.getInt("total"));
        JsonArray items = page.getJsonArray("items");
        assertEquals(List.of("giliran 0", "giliran 1"), items.stream().map(v -> v.asJsonObject().getString("content")).toList());
        assertEquals("assistant", items.getJsonObject(0).getString("messageType"));
        assertEquals("Apa itu hukum Ohm?", ani.api().get("/api/ai-sessions/" + session + "/messages/" + question.json().getInt("id"))
                .json().getString("content"));

        assertProblem(400, append(ani, session, "system", "bukan peran"));
        assertProblem(400, append(ani, session, "user", ""));
        ani.api().patch("/api/ai-sessions/" + session, Json.createObjectBuilder().add("status", "archived").build());
        assertProblem(409, append(ani, session, "user", "masih bisa?"));
        assertEquals(5, ApiDatabase.count("SELECT count(*) FROM ai_chat_messages WHERE session_id = ?", session));
        assertEquals(5, ApiDatabase.count("SELECT message_count FROM ai_chat_sessions WHERE id = ?", session));

        ani.api().delete("/api/ai-sessions/" + session);
        assertProblem(404, append(ani, session, "user", "dan sekarang?"));
        assertProblem(404, ani.api().get("/api/ai-sessions/" + session + "/messages"));
    }

    @Test
    void anotherUsersSessionDoesNotExistForMe() {
        Api.User ani = api.newUser("Ani");
        Api.User eve = api.newUser("Eve");
        int session = create(ani, Json.createObjectBuilder().add("title", "Pribadi")).json().getInt("id");
        int message = append(ani, session, "user", "rahasia").json().getInt("id");
        String base = "/api/ai-sessions/" + session;

        assertProblem(404, eve.api().get(base));
        assertProblem(404, eve.api().get(base + "/messages"));
        assertProblem(404, eve.api().get(base + "/messages/" + message));
        assertProblem(404, append(eve, session, "user", "menyusup"));
        assertProblem(404, eve.api().patch(base, Json.createObjectBuilder().add("title", "punyaku").build()));
        assertProblem(404, eve.api().delete(base));
        assertEquals(0, eve.api().get("/api/ai-sessions").json().getInt("total"));

        JsonObject unchanged = ani.api().get(base).json();
        assertEquals("Pribadi", unchanged.getString("title"));
        assertEquals("active", unchanged.getString("status"));
        assertEquals(1, unchanged.getInt("messageCount"));
        assertProblem(401, api.get("/api/ai-sessions"));
    }

    static Api.Response create(Api.User user, JsonObjectBuilder body) {
        return user.api().post("/api/ai-sessions", body.build());
    }

    static Api.Response append(Api.User user, int session, String type, String content) {
        return user.api().post("/api/ai-sessions/" + session + "/messages",
                Json.createObjectBuilder().add("messageType", type).add("content", content).build());
    }

    static void assertProblem(int status, Api.Response response) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(String.valueOf(response.header("Content-Type")).startsWith("application/problem+json"), response.headers().toString());
    }

    private static List<Integer> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getInt("id")).toList();
    }
}
