package id.narasiahli.schema;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import id.narasiahli.testsupport.database.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin endpoints on the shared server (production command, its own migrated database). */
class SchemaQualityIT {

    private static Api api;
    private static Api admin;

    @BeforeAll
    static void server() {
        api = SharedServer.api();
        admin = api.as(api.admin().accessToken());
    }

    @Test
    void lintOfPendingChangesetsIsEmptyOnMigratedServer() {
        Api.Response lint = admin.get("/api/admin/schema/lint");
        assertEquals(200, lint.status(), lint.body());
        assertEquals("pending", lint.json().getString("scope"));
        assertEquals(0, lint.json().getInt("errors"));
        assertEquals(0, lint.json().getJsonArray("findings").size(), lint.body());
    }

    @Test
    void lintOfAllChangesetsShowsBaselinedFindingsWithRuleChangesetStatementAndFix() {
        Api.Response lint = admin.get("/api/admin/schema/lint?scope=all");
        assertEquals(200, lint.status(), lint.body());
        assertEquals(0, lint.json().getInt("errors"), lint.body());
        JsonObject first = lint.json().getJsonArray("findings").getJsonObject(0);
        assertEquals("index-without-concurrently", first.getString("rule"));
        assertEquals("liquibase/changelog/20261121100100_add_narasi_ahli_user_fields.sql::20261121100100_add_narasi_ahli_user_fields::narasi",
                first.getString("changeset"));
        assertTrue(first.getString("statement").startsWith("CREATE INDEX IF NOT EXISTS idx_users_whatsapp_number"), lint.body());
        assertEquals("BASELINED", first.getString("status"));
        assertTrue(!first.getString("fix").isBlank() && !first.getString("reason").isBlank());
    }

    @Test
    void unknownLintScopeIsRejected() {
        assertEquals(400, admin.get("/api/admin/schema/lint?scope=everything").status());
    }

    @Test
    void driftOfCleanServerIsEmptyOnBothSides() {
        Api.Response drift = admin.get("/api/admin/schema/drift");
        assertEquals(200, drift.status(), drift.body());
        assertEquals(0, drift.json().getJsonArray("changelog").size(), drift.body());
        assertEquals(0, drift.json().getJsonArray("entities").size(), drift.body());
        assertEquals("0", SharedServer.queryValue(
                "SELECT count(*) FROM pg_database WHERE datname LIKE '" + SharedServer.DATABASE + "_shadow_%'"));
    }

    @Test
    void driftReportsColumnAddedByHandToTheLiveDatabase() {
        // a table no entity maps, so only the changelog side drifts; tests run one at a time and it is removed at once
        TestDatabase.execute(SharedServer.DATABASE, "ALTER TABLE ai_chat_logs ADD COLUMN hand_made_note TEXT");
        try {
            Api.Response drift = admin.get("/api/admin/schema/drift");
            assertEquals(200, drift.status(), drift.body());
            JsonObject item = drift.json().getJsonArray("changelog").getJsonObject(0);
            assertEquals("unexpected", item.getString("kind"), drift.body());
            assertEquals("column", item.getString("type"));
            assertEquals("ai_chat_logs.hand_made_note", item.getString("name"));
            assertEquals(1, drift.json().getJsonArray("changelog").size(), drift.body());
            assertEquals(0, drift.json().getJsonArray("entities").size(), drift.body());
        } finally {
            TestDatabase.execute(SharedServer.DATABASE, "ALTER TABLE ai_chat_logs DROP COLUMN hand_made_note");
        }
    }

    @Test
    void nonAdministratorsAreRefused() {
        Api user = api.as(api.newUser("Schema Curious").accessToken());
        assertEquals(403, user.get("/api/admin/schema/lint").status());
        assertEquals(403, user.get("/api/admin/schema/drift").status());
        assertEquals(401, api.get("/api/admin/schema/drift").status());
    }
}
