package id.narasiahli.privacy;

import id.narasiahli.privacy.control.PersonalDataExport;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Fixtures;
import id.narasiahli.testsupport.payara.SharedServer;
import id.narasiahli.testsupport.database.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export holds everything about the user; deleting the account leaves no row of theirs anywhere. */
class PrivacyIT {

    @Test
    void exportHoldsEveryTableThatHoldsTheUsersRows() throws Exception {
        List<String> missing = new ArrayList<>(tablesReferencingUsers());
        missing.removeAll(PersonalDataExport.tables());
        assertEquals(List.of(), missing, "tables with rows of a user that the export does not read");
    }

    @Test
    void exportContainsTheUsersDataAndNoSecrets() throws Exception {
        Api api = SharedServer.api();
        Api.User user = api.newUser("Sekar Ayu");
        Api.User peer = api.newUser("Teman");
        fillEverything(user, peer);

        Api.Response export = user.api().get("/api/me/export");
        assertEquals(200, export.status(), export.body());
        JsonObject json = export.json();
        assertEquals(user.email(), json.getJsonObject("account").getString("email"));
        assertEquals(1, json.getJsonArray("education_histories").size());
        assertEquals(1, json.getJsonArray("work_histories").size());
        assertEquals(1, json.getJsonArray("research_journals").size());
        assertEquals(1, json.getJsonArray("conversations").size());
        assertEquals(2, json.getJsonArray("chat_messages").size(), "both sides of the conversation");
        assertEquals(1, json.getJsonArray("ai_chat_sessions").size());
        assertEquals(2, json.getJsonArray("ai_chat_messages").size());
        assertEquals(1, json.getJsonArray("ai_chat_logs").size());
        assertEquals(1, json.getJsonArray("stored_files").size());
        assertTrue(json.getJsonArray("refresh_tokens").size() >= 1);
        assertEquals(1, json.getJsonArray("login_failures").size());
        assertFalse(export.body().contains("password_hash") || export.body().contains("token_hash")
                || export.body().contains(user.refreshToken()), "no secrets");
        assertFalse(export.body().contains(peer.email()), "nothing private of the other participant");
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndLeavesNoRowAnywhere() throws Exception {
        Api api = SharedServer.api();
        Api.User user = api.newUser("Hilang");
        Api.User peer = api.newUser("Tinggal");
        fillEverything(user, peer);

        Api.Response wrong = user.api().delete("/api/me", Json.createObjectBuilder().add("password", "not my password").build());
        assertEquals(403, wrong.status(), wrong.body());
        assertEquals("1", SharedServer.queryValue("SELECT count(*)::text FROM users WHERE id = ?", user.id()));

        assertEquals(204, user.api().delete("/api/me", Json.createObjectBuilder().add("password", user.password()).build()).status());
        for (String table : tablesReferencingUsers()) {
            assertEquals("0", SharedServer.queryValue("SELECT count(*)::text FROM " + table + " t WHERE " + userColumnsCondition(table, user.id())),
                    table + " still holds rows of the deleted user");
        }
        assertEquals("0", SharedServer.queryValue("SELECT count(*)::text FROM users WHERE id = ?", user.id()));
        assertEquals("0", SharedServer.queryValue("SELECT count(*)::text FROM login_failures WHERE email = lower(?)", user.email()));
        assertEquals(401, user.api().get("/api/me").status(), "the still-unexpired token no longer reaches an account");
        assertEquals(401, api.post("/api/auth/login", Json.createObjectBuilder().add("email", user.email())
                .add("password", user.password()).build()).status());
        assertEquals("1", SharedServer.queryValue("SELECT count(*)::text FROM users WHERE id = ?", peer.id()), "the other participant stays");
    }

    /** Data in every table a user's rows can be in: through the API where it exists, by SQL otherwise. */
    private static void fillEverything(Api.User user, Api.User peer) throws Exception {
        int education = Fixtures.educationOf(user);
        user.api().upload("/api/me/education/" + education + "/certificate", "file", "c.png", "image/png", Fixtures.PNG);
        user.api().post("/api/me/work", Fixtures.work("2019-01-01", null));
        user.api().post("/api/me/journals", Fixtures.journal("https://e.org/p"));
        SharedServer.api().post("/api/auth/login", Json.createObjectBuilder().add("email", user.email()).add("password", "a wrong one").build());
        sql("INSERT INTO conversations (participant1_id, participant2_id) VALUES (" + peer.id() + ", " + user.id() + ")");
        sql("INSERT INTO chat_messages (conversation_id, sender_id, message_text) SELECT id, " + user.id()
                + ", 'halo' FROM conversations WHERE participant2_id = " + user.id());
        sql("INSERT INTO chat_messages (conversation_id, sender_id, message_text) SELECT id, " + peer.id()
                + ", 'halo juga' FROM conversations WHERE participant2_id = " + user.id());
        sql("INSERT INTO ai_chat_sessions (ai_session_id, user_id, title) VALUES ('export-" + user.id() + "', " + user.id() + ", 'Riset')");
        sql("INSERT INTO ai_chat_messages (session_id, message_type, content) SELECT id, 'user', 'tanya' FROM ai_chat_sessions WHERE user_id = " + user.id());
        sql("INSERT INTO ai_chat_messages (session_id, message_type, content) SELECT id, 'assistant', 'jawab' FROM ai_chat_sessions WHERE user_id = " + user.id());
        sql("INSERT INTO ai_chat_logs (session_id, user_id, start_date) SELECT id, " + user.id() + ", now() FROM ai_chat_sessions WHERE user_id = " + user.id());
    }

    /** Every table with a foreign key to users, directly or through another such table. */
    static List<String> tablesReferencingUsers() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource(SharedServer.DATABASE).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("""
                     WITH RECURSIVE reach(t) AS (
                         SELECT 'users'::regclass
                         UNION
                         SELECT k.conrelid::regclass FROM pg_constraint k JOIN reach ON k.confrelid = reach.t WHERE k.contype = 'f')
                     SELECT t::text FROM reach WHERE t <> 'users'::regclass ORDER BY 1""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Rows that point at the user through any of the table's foreign keys to users, or through a parent row. */
    private static String userColumnsCondition(String table, int userId) throws Exception {
        String columns = SharedServer.queryValue("""
                SELECT string_agg(a.attname, ',') FROM pg_constraint k
                  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                 WHERE k.contype = 'f' AND k.conrelid = ?::regclass AND k.confrelid = 'users'::regclass""", table);
        if (columns == null) {
            return "false /* only reachable through a parent table, whose rows are checked themselves */";
        }
        StringBuilder condition = new StringBuilder();
        for (String column : columns.split(",")) {
            condition.append(condition.length() == 0 ? "" : " OR ").append("t.").append(column).append(" = ").append(userId);
        }
        return condition.toString();
    }

    private static void sql(String statement) {
        TestDatabase.execute(SharedServer.DATABASE, statement);
    }
}
