package id.narasiahli.profiles;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Fixtures;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static id.narasiahli.testsupport.http.ApiAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET/PATCH /api/me: merge-patch semantics, field rules mirroring the columns, the completion formula. */
class ProfileIT {

    private static Api api;

    @BeforeAll
    static void server() {
        api = SharedServer.api();
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndNullClears() throws Exception {
        Api.User user = api.newUser("Hana");
        Api.Response patched = user.api().patch("/api/me", Json.createObjectBuilder()
                .add("phoneNumber", "+6281234567890").add("whatsappNumber", "+6289876543210")
                .add("lastEducation", "S2 Universitas Gadjah Mada").add("degree", "M.Kom.").add("lastJobTitle", "Peneliti").build());
        assertEquals(200, patched.status(), patched.body());
        assertEquals("+6289876543210", patched.json().getString("whatsappNumber"));
        assertTrue(SharedServer.queryValue("SELECT whatsapp_number FROM users WHERE id = ?", user.id()).startsWith("~"),
                "stored encrypted (PhoneNumbersAtRestIT)");
        assertEquals("Hana", patched.json().getString("fullName"));

        Api.Response cleared = user.api().patch("/api/me", Json.createObjectBuilder().addNull("degree").build());
        assertEquals(200, cleared.status(), cleared.body());
        assertEquals(null, SharedServer.queryValue("SELECT degree FROM users WHERE id = ?", user.id()));
        assertEquals("Peneliti", SharedServer.queryValue("SELECT last_job_title FROM users WHERE id = ?", user.id()));
    }

    /**
     * GET /api/me reads in one JDBC statement (ProfileViews), a patch answers from the entity inside its transaction
     * (Profiles.view): the two must give the same document, decrypted phone numbers and completion included.
     */
    @Test
    void theProfileReadIsTheDocumentThePatchAnswered() {
        Api.User user = api.newUser("Gita");
        JsonObject fresh = user.api().get("/api/me").json();
        assertEquals(20, fresh.getInt("profileCompletion"), fresh.toString());
        assertEquals(8, fresh.getJsonArray("missingForCompletion").size(), fresh.toString());
        for (String none : List.of("phoneNumber", "whatsappNumber", "degree")) {
            assertTrue(!fresh.containsKey(none) || fresh.isNull(none), none + " in " + fresh);
        }

        JsonObject patched = user.api().patch("/api/me", Json.createObjectBuilder().add("phoneNumber", "+6281111111111")
                .add("whatsappNumber", "+6282222222222").add("degree", "S.T.").build()).json();
        assertEquals(user.api().get("/api/me").json(), patched);
        assertEquals(201, user.api().post("/api/me/work", Fixtures.work("2020-01-02", null)).status());
        JsonObject withWork = user.api().get("/api/me").json();
        assertEquals(60, withWork.getInt("profileCompletion"), withWork.toString());
        assertEquals("+6282222222222", withWork.getString("whatsappNumber"));
        assertEquals(patched.getString("createdAt"), withWork.getString("createdAt"));
    }

    @Test
    void everyFieldRuleGivesA400NamingItAndChangesNothing() throws Exception {
        Api.User user = api.newUser("Indra");
        String before = SharedServer.queryValue("SELECT row(u.*)::text FROM users u WHERE id = ?", user.id());
        assertInvalid(patch(user, Json.createObjectBuilder().addNull("fullName").build()), "fullName");
        assertInvalid(patch(user, Json.createObjectBuilder().add("fullName", "x".repeat(256)).build()), "fullName");
        assertInvalid(patch(user, Json.createObjectBuilder().add("email", "not an email").build()), "email");
        assertInvalid(patch(user, Json.createObjectBuilder().addNull("email").build()), "email");
        for (String phone : new String[]{"081234567890", "+1234567", "+1234567890123456", "+0812345678", "+62 812 3456"}) {
            assertInvalid(patch(user, Json.createObjectBuilder().add("phoneNumber", phone).build()), "phoneNumber");
            assertInvalid(patch(user, Json.createObjectBuilder().add("whatsappNumber", phone).build()), "whatsappNumber");
        }
        assertInvalid(patch(user, Json.createObjectBuilder().add("degree", "d".repeat(101)).build()), "degree");
        assertInvalid(patch(user, Json.createObjectBuilder().add("lastEducation", "e".repeat(256)).build()), "lastEducation");
        assertInvalid(patch(user, Json.createObjectBuilder().add("lastJobTitle", "j".repeat(256)).build()), "lastJobTitle");
        assertInvalid(patch(user, Json.createObjectBuilder().add("role", "ADMIN").build()), "role");
        assertInvalid(patch(user, Json.createObjectBuilder().add("degree", 3).build()), "degree");
        assertInvalid(patch(user, Json.createObjectBuilder().add("degree", "Dr.").add("phoneNumber", "123").build()), "phoneNumber");
        assertEquals(before, SharedServer.queryValue("SELECT row(u.*)::text FROM users u WHERE id = ?", user.id()));
    }

    @Test
    void boundaryPhoneNumbersAreAccepted() {
        Api.User user = api.newUser("Joko");
        assertEquals(200, patch(user, Json.createObjectBuilder().add("phoneNumber", "+12345678").build()).status());
        assertEquals(200, patch(user, Json.createObjectBuilder().add("phoneNumber", "+123456789012345").build()).status());
    }

    @Test
    void emailChangeToATakenAddressIs409() {
        Api.User first = api.newUser("Kiki");
        Api.User second = api.newUser("Lina");
        Api.Response taken = patch(second, Json.createObjectBuilder().add("email", first.email().toUpperCase()).build());
        assertEquals(409, taken.status(), taken.body());
        assertEquals(200, patch(second, Json.createObjectBuilder().add("email", second.email().toUpperCase()).build()).status(),
                "changing the case of one's own email is allowed");
    }

    @Test
    void completionCountsTenPartsOfTenPercent() {
        Api.User user = api.newUser("Made");
        assertCompletion(user, 20);
        patch(user, Json.createObjectBuilder().add("phoneNumber", "+6281111111111").add("degree", "S.T.").build());
        assertCompletion(user, 40);
        user.api().post("/api/me/education", Json.createObjectBuilder().add("schoolName", "ITS").add("major", "Sipil")
                .add("educationLevel", "S1").add("graduationYear", 2010).build());
        user.api().post("/api/me/work", Json.createObjectBuilder().add("jobTitle", "Insinyur").add("companyName", "WIKA")
                .add("startDate", "2011-02-01").build());
        assertCompletion(user, 60);
        user.api().post("/api/me/journals", Json.createObjectBuilder().add("journalTitle", "Beton").add("publisher", "ITS Press")
                .add("journalUrl", "https://example.org/beton").build());
        patch(user, Json.createObjectBuilder().add("whatsappNumber", "+6282222222222").add("lastEducation", "S1 ITS")
                .add("lastJobTitle", "Insinyur").build());
        Api.Response me = assertCompletion(user, 100);
        assertEquals(0, me.json().getJsonArray("missingForCompletion").size());
    }

    private static Api.Response assertCompletion(Api.User user, int percent) {
        Api.Response me = user.api().get("/api/me");
        assertEquals(percent, me.json().getInt("profileCompletion"), me.body());
        assertEquals((100 - percent) / 10, me.json().getJsonArray("missingForCompletion").size(), me.body());
        return me;
    }

    private static Api.Response patch(Api.User user, JsonObject body) {
        return user.api().patch("/api/me", body);
    }
}
