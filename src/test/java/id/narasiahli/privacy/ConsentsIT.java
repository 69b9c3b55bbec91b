package id.narasiahli.privacy;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, item 10: consent per purpose, granted and withdrawn with their times, kept as history and exported. */
class ConsentsIT {

    private final Api api = SharedServer.api();

    @Test
    void aConsentIsGrantedWithdrawnAndGrantedAgainAndTheExportShowsEveryStep() {
        Api.User user = api.newUser("Setuju");
        Api.User other = api.newUser("Orang Lain");
        assertFalse(purpose(user.api().get("/api/me/consents").array(), "ai-processing").getBoolean("granted"));

        assertEquals(200, user.api().put("/api/me/consents/ai-processing", Json.createObjectBuilder().build()).status());
        assertEquals(200, user.api().put("/api/me/consents/ai-processing", Json.createObjectBuilder().build()).status(), "idempotent");
        assertTrue(purpose(user.api().get("/api/me/consents").array(), "ai-processing").getBoolean("granted"));
        assertEquals(200, user.api().delete("/api/me/consents/ai-processing").status());
        assertEquals(200, user.api().put("/api/me/consents/ai-processing", Json.createObjectBuilder().build()).status());

        JsonObject now = purpose(user.api().get("/api/me/consents").array(), "ai-processing");
        assertTrue(now.getBoolean("granted"));
        assertEquals(2, now.getJsonArray("history").size(), now.toString());
        assertFalse(now.getJsonArray("history").getJsonObject(0).isNull("withdrawnAt"), "the first grant was withdrawn");
        assertEquals("2", SharedServer.queryValue("SELECT count(*)::text FROM consents WHERE user_id = ? AND purpose = 'ai-processing'", user.id()));
        assertFalse(purpose(other.api().get("/api/me/consents").array(), "ai-processing").getBoolean("granted"), "each user's own");

        JsonArray exported = user.api().get("/api/me/export").json().getJsonArray("consents");
        assertEquals(2, exported.size(), exported.toString());
        assertEquals("ai-processing", exported.getJsonObject(0).getString("purpose"));
        assertFalse(exported.getJsonObject(0).isNull("withdrawn_at"));
        assertEquals(404, user.api().put("/api/me/consents/everything", Json.createObjectBuilder().build()).status());
    }

    private static JsonObject purpose(JsonArray consents, String purpose) {
        return consents.stream().map(JsonObject.class::cast).filter(c -> c.getString("purpose").equals(purpose)).findFirst()
                .orElseThrow(() -> new AssertionError(purpose + " missing in " + consents));
    }
}
