package id.narasiahli.profiles;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Fixtures;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** B tries every one of A's resources by id: always 404 (existence is not revealed), and nothing changes. */
class IsolationIT {

    @Test
    void anotherUserGets404ForEveryResourceAndChangesNothing() throws Exception {
        Api api = SharedServer.api();
        Api.User a = api.newUser("Alya");
        Api.User b = api.newUser("Bima");
        int education = Fixtures.educationOf(a);
        String file = a.api().upload("/api/me/education/" + education + "/certificate", "file", "a.png", "image/png", Fixtures.PNG)
                .json().getString("certificateImage");
        int work = a.api().post("/api/me/work", Fixtures.work("2015-01-01", null)).json().getInt("id");
        int journal = a.api().post("/api/me/journals", Fixtures.journal("https://e.org/a")).json().getInt("id");
        String before = snapshotOf(a.id());

        Api as = b.api();
        expect404(as, x -> x.get("/api/me/education/" + education));
        expect404(as, x -> x.put("/api/me/education/" + education, Fixtures.education("Hacked", 2000)));
        expect404(as, x -> x.delete("/api/me/education/" + education));
        expect404(as, x -> x.upload("/api/me/education/" + education + "/certificate", "file", "b.png", "image/png", Fixtures.PNG));
        expect404(as, x -> x.get("/api/me/work/" + work));
        expect404(as, x -> x.put("/api/me/work/" + work, Fixtures.work("2016-01-01", null)));
        expect404(as, x -> x.delete("/api/me/work/" + work));
        expect404(as, x -> x.get("/api/me/journals/" + journal));
        expect404(as, x -> x.put("/api/me/journals/" + journal, Fixtures.journal("https://e.org/hacked")));
        expect404(as, x -> x.delete("/api/me/journals/" + journal));
        assertEquals(404, as.download(file).statusCode());

        assertEquals(0, as.get("/api/me/education").json().getInt("total"), "B's lists hold none of A's entries");
        assertEquals(b.email(), as.get("/api/me").json().getString("email"));
        assertEquals(200, as.patch("/api/me", Json.createObjectBuilder().add("degree", "S.Kom.").build()).status());
        assertEquals(before, snapshotOf(a.id()), "A's rows are unchanged");
        assertEquals("0", SharedServer.queryValue("SELECT count(*)::text FROM stored_files WHERE owner_id = ?", b.id()));
    }

    private static void expect404(Api as, Function<Api, Api.Response> call) {
        Api.Response response = call.apply(as);
        assertEquals(404, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
    }

    private static String snapshotOf(int userId) throws Exception {
        return SharedServer.queryValue("""
                SELECT concat_ws('|', (SELECT row(u.*)::text FROM users u WHERE id = ?1),
                  (SELECT string_agg(row(e.*)::text, ',' ORDER BY id) FROM education_histories e WHERE user_id = ?1),
                  (SELECT string_agg(row(w.*)::text, ',' ORDER BY id) FROM work_histories w WHERE user_id = ?1),
                  (SELECT string_agg(row(j.*)::text, ',' ORDER BY id) FROM research_journals j WHERE user_id = ?1),
                  (SELECT string_agg(f.id || f.sha256, ',' ORDER BY id) FROM stored_files f WHERE owner_id = ?1))"""
                .replace("?1", Integer.toString(userId)));
    }
}
