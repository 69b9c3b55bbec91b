package id.narasiahli.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/** An RFC 9457 problem document. */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<ApiException.FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:narasi-ahli:problem:";

    public static Problem of(ApiException e, String instance) {
        return new Problem(TYPE_PREFIX + e.type(), e.title(), e.status(), e.getMessage(), instance, e.fieldErrors());
    }

    /** A plain HTTP error: the type is {@code about:blank} and the title the status' reason. */
    public static Problem http(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of());
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        return json.build();
    }
}
