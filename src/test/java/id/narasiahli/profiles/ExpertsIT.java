package id.narasiahli.profiles;

import id.narasiahli.profiles.control.ExpertSearch;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Fixtures;
import id.narasiahli.testsupport.payara.SharedServer;
import id.narasiahli.testsupport.database.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static id.narasiahli.testsupport.http.ApiAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public expert directory: search by name, job title and degree; public profiles without contact data. */
class ExpertsIT {

    private static Api api;
    private static String marker;
    private static Api.User dosen;

    @BeforeAll
    static void experts() {
        api = SharedServer.api();
        marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        dosen = expert("Wayan " + marker + " Sudarma", "Dosen Teknik Elektro", "Dr.");
        expert("Ketut " + marker + " Ariani", "Data Scientist", "M.Sc.");
        expert("Nyoman " + marker + " Putra", "dosen biologi", "Dr.");
    }

    @Test
    void searchesByNamePrefixJobTitlePrefixAndDegree() {
        assertEquals(3, search("q=" + marker).getInt("total"));
        assertEquals(List.of("Wayan " + marker + " Sudarma"), names(search("q=" + marker + "%20wAy")));
        assertEquals(2, search("q=" + marker + "&jobTitle=DOSEN").getInt("total"), "job title prefix, any case");
        assertEquals(List.of("Nyoman " + marker + " Putra", "Wayan " + marker + " Sudarma"),
                names(search("q=" + marker + "&degree=dr.")), "ordered by name");
        assertEquals(0, search("q=" + marker + "&jobTitle=50%25").getInt("total"), "LIKE wildcards are literal");
        JsonObject page = search("q=" + marker + "&limit=1&offset=1");
        assertEquals(3, page.getInt("total"));
        assertEquals(1, page.getJsonArray("items").size());
        assertInvalid(api.get("/api/experts?q=%21%21"), "q");
        assertInvalid(api.get("/api/experts?limit=1000"), "limit");
    }

    @Test
    void publicViewsNeverShowEmailPhoneOrWhatsapp() {
        JsonObject item = search("q=" + marker).getJsonArray("items").getJsonObject(0);
        Api.Response profile = api.get("/api/experts/" + dosen.id());
        assertEquals(200, profile.status(), profile.body());
        for (String body : List.of(item.toString(), profile.body())) {
            assertFalse(body.contains("email") || body.contains("phone") || body.contains("whatsapp") || body.contains("@example.com")
                    || body.contains("+62"), body);
        }
        assertEquals(1, profile.json().getJsonArray("education").size());
        assertEquals(1, profile.json().getJsonArray("work").size());
        assertEquals(1, profile.json().getJsonArray("journals").size());
        assertFalse(profile.json().getJsonArray("education").getJsonObject(0).getBoolean("hasCertificate"));
    }

    @Test
    void administratorsAndUnknownIdsAreNotExperts() {
        int adminId = api.admin().api().get("/api/me").json().getInt("id");
        assertEquals(404, api.get("/api/experts/" + adminId).status());
        assertEquals(404, api.get("/api/experts/999999").status());
    }

    /** With sequential scans priced out, each filter is answered from its index, as the plan's performance section asks. */
    @Test
    void everyFilterIsServedByAnIndex() throws Exception {
        assertPlanUses(ExpertSearch.of("budi", null, null), "idx_users_fullname_search");
        assertPlanUses(ExpertSearch.of(null, "dosen", null), "idx_users_last_job_title_lower");
        assertPlanUses(ExpertSearch.of(null, null, "dr."), "idx_users_degree_lower");
    }

    private static void assertPlanUses(ExpertSearch search, String index) throws Exception {
        try (Connection c = TestDatabase.dataSource(SharedServer.DATABASE).getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET enable_seqscan = off");
            }
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + search.pageSql())) {
                int i = 1;
                for (Object p : search.parameters()) {
                    explain.setObject(i++, p);
                }
                explain.setInt(i++, 20);
                explain.setInt(i, 0);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains(index), plan.toString());
            }
        }
    }

    private static Api.User expert(String name, String jobTitle, String degree) {
        Api.User user = api.newUser(name);
        user.api().patch("/api/me", Json.createObjectBuilder().add("lastJobTitle", jobTitle).add("degree", degree)
                .add("phoneNumber", "+6281234500000").add("whatsappNumber", "+6281234500001").build());
        user.api().post("/api/me/education", Fixtures.education("Udayana", 2008));
        user.api().post("/api/me/work", Fixtures.work("2009-01-01", null));
        user.api().post("/api/me/journals", Fixtures.journal("https://doi.org/10.1/" + UUID.randomUUID()));
        return user;
    }

    private static JsonObject search(String query) {
        Api.Response response = api.get("/api/experts?" + query);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(o -> o.getString("fullName")).toList();
    }

    static Set<String> keys(JsonObject o) {
        return o.keySet();
    }
}
