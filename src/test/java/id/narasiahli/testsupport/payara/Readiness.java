package id.narasiahli.testsupport.payara;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;

/** One answer of /health/ready, with our {@code schema} check's status and reason picked out. */
public record Readiness(int status, String body, String schemaStatus, String schemaReason) {

    public static Readiness of(int status, String body) {
        String schemaStatus = null;
        String reason = null;
        try {
            for (JsonValue check : Json.createReader(new StringReader(body)).readObject().getJsonArray("checks")) {
                JsonObject object = check.asJsonObject();
                if ("schema".equals(object.getString("name"))) {
                    schemaStatus = object.getString("status");
                    JsonObject data = object.getJsonObject("data");
                    reason = data == null ? null : data.getString("reason", null);
                }
            }
        } catch (RuntimeException e) {
            // not JSON (an error page while Payara boots): no schema check to report
        }
        return new Readiness(status, body, schemaStatus, reason);
    }

    public static Readiness unreachable(Exception e) {
        return new Readiness(0, String.valueOf(e), null, null);
    }

    public boolean ready() {
        return status == 200 && "UP".equals(schemaStatus);
    }
}
