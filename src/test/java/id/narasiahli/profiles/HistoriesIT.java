package id.narasiahli.profiles;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Fixtures;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static id.narasiahli.testsupport.http.ApiAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Education, work and journal entries: CRUD, the plan's CHECKs as 400s, paging and sorting. */
class HistoriesIT {

    private static Api api;

    @BeforeAll
    static void server() {
        api = SharedServer.api();
    }

    @Test
    void educationCreateReadUpdateDelete() throws Exception {
        Api.User user = api.newUser("Nanda");
        Api.Response created = user.api().post("/api/me/education", Fixtures.education("UI", 2001));
        assertEquals(201, created.status(), created.body());
        String location = created.header("Location");
        int id = created.json().getInt("id");
        assertTrue(location.endsWith("/api/me/education/" + id), location);
        assertEquals("UI", user.api().get("/api/me/education/" + id).json().getString("schoolName"));

        Api.Response updated = user.api().put("/api/me/education/" + id, Fixtures.education("UGM", 2003));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("UGM", SharedServer.queryValue("SELECT school_name FROM education_histories WHERE id = ?", id));

        assertEquals(204, user.api().delete("/api/me/education/" + id).status());
        assertEquals(404, user.api().get("/api/me/education/" + id).status());
        assertEquals("0", SharedServer.queryValue("SELECT count(*)::text FROM education_histories WHERE id = ?", id));
    }

    @Test
    void graduationYearMustBeWithin1950And2030() {
        Api.User user = api.newUser("Oki");
        assertInvalid(user.api().post("/api/me/education", Fixtures.education("UI", 1949)), "graduationYear");
        assertInvalid(user.api().post("/api/me/education", Fixtures.education("UI", 2031)), "graduationYear");
        assertEquals(201, user.api().post("/api/me/education", Fixtures.education("UI", 1950)).status());
        assertEquals(201, user.api().post("/api/me/education", Fixtures.education("UI", 2030)).status());
        assertInvalid(user.api().post("/api/me/education", Json.createObjectBuilder().add("schoolName", "UI").build()), "major");
        assertInvalid(user.api().post("/api/me/education", Json.createObjectBuilder(Fixtures.education("UI", 2000))
                .add("educationLevel", "l".repeat(101)).build()), "educationLevel");
    }

    @Test
    void workEndDateMustNotPrecedeStartDate() throws Exception {
        Api.User user = api.newUser("Putri");
        assertInvalid(user.api().post("/api/me/work", Fixtures.work("2020-01-02", "2020-01-01")), "endDate");
        assertInvalid(user.api().post("/api/me/work", Json.createObjectBuilder().add("jobTitle", "Dosen").add("companyName", "ITB").build()), "startDate");
        Api.Response current = user.api().post("/api/me/work", Fixtures.work("2020-01-02", null));
        assertEquals(201, current.status(), current.body());
        int id = current.json().getInt("id");
        assertInvalid(user.api().put("/api/me/work/" + id, Fixtures.work("2021-01-02", "2021-01-01")), "endDate");
        assertEquals(null, SharedServer.queryValue("SELECT end_date::text FROM work_histories WHERE id = ?", id));
        assertEquals(200, user.api().put("/api/me/work/" + id, Fixtures.work("2021-01-02", "2021-01-02")).status());
        assertEquals(204, user.api().delete("/api/me/work/" + id).status());
    }

    @Test
    void journalUrlMustBeAnHttpUrlOfAtMost1000Characters() {
        Api.User user = api.newUser("Rudi");
        for (String url : List.of("ftp://example.org/x", "example.org/paper", "javascript:alert(1)", "https://", "https://e.org/" + "x".repeat(990))) {
            assertInvalid(user.api().post("/api/me/journals", Fixtures.journal(url)), "journalUrl");
        }
        assertInvalid(user.api().post("/api/me/journals", Json.createObjectBuilder(Fixtures.journal("https://e.org/p"))
                .add("journalTitle", "t".repeat(501)).build()), "journalTitle");
        Api.Response created = user.api().post("/api/me/journals", Fixtures.journal("https://doi.org/10.1000/182"));
        assertEquals(201, created.status(), created.body());
        int id = created.json().getInt("id");
        assertEquals(200, user.api().put("/api/me/journals/" + id, Fixtures.journal("http://e.org/v2")).status());
        assertEquals("http://e.org/v2", user.api().get("/api/me/journals/" + id).json().getString("journalUrl"));
        assertEquals(204, user.api().delete("/api/me/journals/" + id).status());
    }

    @Test
    void listsArePagedWithTotalsAndSortedOnIndexedColumns() {
        Api.User user = api.newUser("Sari");
        for (int year : new int[]{2005, 1999, 2012, 2001, 2020}) {
            user.api().post("/api/me/education", Fixtures.education("S" + year, year));
        }
        Api.Response page = user.api().get("/api/me/education?limit=2&offset=1&sort=graduationYear");
        assertEquals(200, page.status(), page.body());
        assertEquals(5, page.json().getInt("total"));
        assertEquals(List.of(2001, 2005), years(page.json()));
        assertEquals(List.of(2020, 2012, 2005, 2001, 1999), years(user.api().get("/api/me/education").json()), "default: newest first");
        assertInvalid(user.api().get("/api/me/education?limit=101"), "limit");
        assertInvalid(user.api().get("/api/me/education?limit=0"), "limit");
        assertInvalid(user.api().get("/api/me/education?limit=ten"), "limit");
        assertInvalid(user.api().get("/api/me/education?offset=-1"), "offset");
        assertInvalid(user.api().get("/api/me/education?sort=schoolName"), "sort");
        assertEquals(200, user.api().get("/api/me/work?sort=-companyName").status());
        assertEquals(200, user.api().get("/api/me/journals?sort=publisher").status());
    }

    private static List<Integer> years(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(e -> e.getInt("graduationYear")).toList();
    }
}
