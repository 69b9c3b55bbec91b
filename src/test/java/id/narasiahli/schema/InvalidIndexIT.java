package id.narasiahli.schema;

import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An INVALID index, left by a real failed {@code CREATE UNIQUE INDEX CONCURRENTLY} on duplicate data, shows in
 * the admin status and in the readiness details of the shared server (which stays ready), and goes when dropped.
 */
class InvalidIndexIT {

    @Test
    void invalidIndexIsReportedByStatusAndReadinessDetails() {
        Api admin = SharedServer.api().admin().api();
        String db = SharedServer.DATABASE;
        TestDatabase.execute(db, "CREATE TABLE invalid_probe (id INTEGER); INSERT INTO invalid_probe VALUES (1), (1)");
        try {
            assertThrows(IllegalStateException.class,
                    () -> TestDatabase.execute(db, "CREATE UNIQUE INDEX CONCURRENTLY uq_invalid_probe ON invalid_probe (id)"));

            assertEquals(List.of("uq_invalid_probe on invalid_probe"), invalidIndexes(admin));

            JsonObject schema = schemaReadiness();
            assertEquals("uq_invalid_probe on invalid_probe", schema.getJsonObject("data").getString("invalidIndexes"));
        } finally {
            TestDatabase.execute(db, "DROP TABLE invalid_probe");
        }
        assertEquals(List.of(), invalidIndexes(admin));
        JsonObject schema = schemaReadiness();
        assertFalse(schema.getJsonObject("data").containsKey("invalidIndexes"), schema.toString());
    }

    /** The schema check of /health/ready, which must be up: an INVALID index is reported, not a reason to stop serving. */
    private static JsonObject schemaReadiness() {
        Api.Response ready = SharedServer.api().get("/health/ready");
        assertEquals(200, ready.status(), ready.toString());
        return ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("schema")).findFirst().orElseThrow();
    }

    private static List<String> invalidIndexes(Api admin) {
        Api.Response status = admin.get("/api/admin/schema/status");
        assertEquals(200, status.status(), status.toString());
        return status.json().getJsonArray("invalidIndexes").getValuesAs(JsonString::getString);
    }
}
