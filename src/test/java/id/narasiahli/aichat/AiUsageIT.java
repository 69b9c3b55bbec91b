package id.narasiahli.aichat;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static id.narasiahli.aichat.AiSessionsIT.append;
import static id.narasiahli.aichat.AiSessionsIT.assertProblem;
import static id.narasiahli.aichat.AiSessionsIT.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Usage logs (start, end, duration computed by the server) and the usage summary over a date range. */
class AiUsageIT {

    private final Api api = SharedServer.api();

    @Test
    void endingALogComputesItsDurationInSeconds() {
        Api.User ani = api.newUser("Ani");
        int session = session(ani);
        Instant start = Instant.now().minus(95, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
        Api.Response started = ani.api().post(logs(session), Json.createObjectBuilder().add("startDate", start.toString()).build());
        assertEquals(201, started.status(), started.toString());
        int log = started.json().getInt("id");
        assertTrue(started.header("Location").endsWith(logs(session) + "/" + log), started.header("Location"));
        assertEquals(start, Instant.parse(started.json().getString("startDate")));
        assertTrue(started.json().isNull("endDate"));
        assertEquals(0, started.json().getInt("totalDuration"));

        Instant end = start.plusSeconds(90).plusMillis(700);
        Api.Response ended = ani.api().post(logs(session) + "/" + log + "/end", Json.createObjectBuilder().add("endDate", end.toString()).build());
        assertEquals(200, ended.status(), ended.toString());
        assertEquals(90, ended.json().getInt("totalDuration"), "whole seconds");
        assertEquals(end, Instant.parse(ended.json().getString("endDate")));
        assertEquals(90L, ApiDatabase.count("SELECT total_duration FROM ai_chat_logs WHERE id = ?", log));
        assertEquals(90, ani.api().get(logs(session) + "/" + log).json().getInt("totalDuration"));

        assertProblem(409, ani.api().post(logs(session) + "/" + log + "/end", Json.createObjectBuilder().build()));
    }

    @Test
    void aLogStartedAndEndedByTheServerClockTakesTheServersTimes() {
        Api.User ani = api.newUser("Ani");
        int session = session(ani);
        Api.Response started = ani.api().post(logs(session), Json.createObjectBuilder().build());
        assertEquals(201, started.status(), started.toString());
        Api.Response ended = ani.api().post(logs(session) + "/" + started.json().getInt("id") + "/end", Json.createObjectBuilder().build());
        assertEquals(200, ended.status(), ended.toString());
        assertTrue(ended.json().getInt("totalDuration") < 5, ended.toString());
        assertEquals(1, ani.api().get(logs(session)).json().getInt("total"));
    }

    @Test
    void anEndBeforeTheStartOrInTheFutureIsRejected() {
        Api.User ani = api.newUser("Ani");
        int session = session(ani);
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        int log = ani.api().post(logs(session), Json.createObjectBuilder().add("startDate", start.toString()).build()).json().getInt("id");

        Api.Response before = ani.api().post(logs(session) + "/" + log + "/end",
                Json.createObjectBuilder().add("endDate", start.minusSeconds(1).toString()).build());
        assertProblem(400, before);
        assertEquals("endDate", before.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(400, ani.api().post(logs(session) + "/" + log + "/end",
                Json.createObjectBuilder().add("endDate", Instant.now().plus(1, ChronoUnit.HOURS).toString()).build()));
        assertProblem(400, ani.api().post(logs(session) + "/" + log + "/end",
                Json.createObjectBuilder().add("endDate", "yesterday").build()));
        assertProblem(400, ani.api().post(logs(session), Json.createObjectBuilder()
                .add("startDate", Instant.now().plus(1, ChronoUnit.DAYS).toString()).build()));
        assertEquals(null, ApiDatabase.value("SELECT end_date FROM ai_chat_logs WHERE id = ?", log));
        assertEquals(1, ApiDatabase.count("SELECT count(*) FROM ai_chat_logs WHERE session_id = ?", session));
    }

    @Test
    void logsBelongToTheSessionsOwnerAndItsActiveSessions() {
        Api.User ani = api.newUser("Ani");
        Api.User eve = api.newUser("Eve");
        int session = session(ani);
        int log = ani.api().post(logs(session), Json.createObjectBuilder().build()).json().getInt("id");
        assertProblem(404, eve.api().post(logs(session), Json.createObjectBuilder().build()));
        assertProblem(404, eve.api().post(logs(session) + "/" + log + "/end", Json.createObjectBuilder().build()));
        assertProblem(404, eve.api().get(logs(session) + "/" + log));
        int other = session(ani);
        assertProblem(404, ani.api().post(logs(other) + "/" + log + "/end", Json.createObjectBuilder().build()));
        assertEquals(null, ApiDatabase.value("SELECT end_date FROM ai_chat_logs WHERE id = ?", log));

        ani.api().patch("/api/ai-sessions/" + other, Json.createObjectBuilder().add("status", "archived").build());
        assertProblem(409, ani.api().post(logs(other), Json.createObjectBuilder().build()));
    }

    @Test
    void theSummaryCountsSessionsMessagesLogsAndDurationWithinTheRange() {
        Api.User ani = api.newUser("Ani");
        int a = session(ani);
        int b = session(ani);
        append(ani, a, "user", "q1");
        append(ani, a, "assistant", "a1");
        append(ani, b, "user", "q2");
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES);
        int log = ani.api().post(logs(a), Json.createObjectBuilder().add("startDate", start.toString()).build()).json().getInt("id");
        ani.api().post(logs(a) + "/" + log + "/end", Json.createObjectBuilder().add("endDate", start.plusSeconds(125).toString()).build());
        ani.api().post(logs(b), Json.createObjectBuilder().build());
        // An older session with a message and a log, last month: outside a range of today only.
        ApiDatabase.execute("UPDATE ai_chat_sessions SET created_at = created_at - interval '40 days' WHERE id = ?", b);
        ApiDatabase.execute("UPDATE ai_chat_messages SET created_at = created_at - interval '40 days' WHERE session_id = ?", b);
        ApiDatabase.execute("UPDATE ai_chat_logs SET start_date = start_date - interval '40 days' WHERE session_id = ?", b);
        Api.User budi = api.newUser("Budi");
        append(budi, session(budi), "user", "bukan punya Ani");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonObject recent = ani.api().get("/api/ai-usage?from=" + today.minusDays(1) + "&to=" + today).json();
        assertEquals(ani.id(), recent.getInt("userId"));
        assertEquals(1, recent.getInt("sessions"));
        assertEquals(2, recent.getInt("messages"));
        assertEquals(1, recent.getInt("logs"));
        assertEquals(125, recent.getInt("totalDuration"));

        JsonObject wide = ani.api().get("/api/ai-usage?from=" + today.minusDays(60) + "&to=" + today).json();
        assertEquals(List.of(2, 3, 2, 125), List.of(wide.getInt("sessions"), wide.getInt("messages"), wide.getInt("logs"),
                wide.getInt("totalDuration")));
        JsonObject lastThirtyDays = ani.api().get("/api/ai-usage").json();
        assertEquals(today.toString(), lastThirtyDays.getString("to"));
        assertEquals(today.minusDays(29).toString(), lastThirtyDays.getString("from"));
        assertEquals(1, lastThirtyDays.getInt("sessions"));
    }

    @Test
    void theSummaryRangeIsValidatedAndOthersSummariesAreForAdministrators() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        append(budi, session(budi), "user", "halo");
        assertProblem(400, ani.api().get("/api/ai-usage?from=2026-02-01&to=2026-01-01"));
        assertProblem(400, ani.api().get("/api/ai-usage?from=kemarin"));
        assertProblem(403, ani.api().get("/api/ai-usage?userId=" + budi.id()));
        assertEquals(200, ani.api().get("/api/ai-usage?userId=" + ani.id()).status());

        Api.Response asAdmin = api.admin().api().get("/api/ai-usage?userId=" + budi.id());
        assertEquals(200, asAdmin.status(), asAdmin.toString());
        assertEquals(budi.id(), asAdmin.json().getInt("userId"));
        assertEquals(1, asAdmin.json().getInt("messages"));
    }

    private static int session(Api.User user) {
        return create(user, Json.createObjectBuilder().add("title", "Sesi")).json().getInt("id");
    }

    private static String logs(int session) {
        return "/api/ai-sessions/" + session + "/logs";
    }
}
