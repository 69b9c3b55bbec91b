package id.narasiahli.aichat;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 15, item 9: aiSessionId is unique per user, so no answer tells one user that another user's id exists. */
class AiSessionIdPerUserIT {

    private final Api api = SharedServer.api();

    @Test
    void twoUsersMayUseTheSameAiSessionIdButOneUserOnlyOnce() {
        String aiSessionId = "provider-" + UUID.randomUUID();
        Api.User first = api.newUser("Sesi Satu");
        Api.User second = api.newUser("Sesi Dua");
        assertEquals(201, create(first, aiSessionId).status());
        Api.Response other = create(second, aiSessionId);
        assertEquals(201, other.status(), other.toString());
        Api.Response again = create(first, aiSessionId);
        assertEquals(409, again.status(), again.toString());
        assertEquals("2", SharedServer.queryValue("SELECT count(*)::text FROM ai_chat_sessions WHERE ai_session_id = ?", aiSessionId));
    }

    private static Api.Response create(Api.User user, String aiSessionId) {
        return user.api().post("/api/ai-sessions", Json.createObjectBuilder().add("title", "Diskusi")
                .add("aiSessionId", aiSessionId).build());
    }
}
