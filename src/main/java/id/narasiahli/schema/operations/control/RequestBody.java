package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.Target;
import id.narasiahli.schema.liquibase.ErrorMessages;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.JsonShape;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * The JSON body of a schema operation, read strictly: an object with only the fields the operation knows.
 * An unknown field is refused rather than ignored, since {"tag": "v1"} sent to apply would otherwise
 * apply everything. Read inside the operation so that a malformed request is audited like any other.
 */
public final class RequestBody {

    public static final String ALL = "all";
    public static final String TO_TAG = "toTag";
    public static final String COUNT = "count";
    public static final String TAG = "tag";
    public static final String CONFIRMATION_TOKEN = "confirmationToken";
    public static final String DRY_RUN = "dryRun";
    /** The administrator's own password, asked again before a rollback in the production contexts. */
    public static final String PASSWORD = "password";

    /** Liquibase's tag column is VARCHAR(255). */
    private static final int MAX_TAG = 255;

    private final JsonObject json;

    private RequestBody(JsonObject json) {
        this.json = json;
    }

    /** Reads the body as a JSON object; an empty body is an empty object. */
    public static RequestBody read(String body) {
        if (body == null || body.isBlank()) {
            return new RequestBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        try {
            // duplicate keys, excessive nesting, NUL and lone surrogates, before a parser sees the text
            JsonShape.check(body.getBytes(StandardCharsets.UTF_8), String.class);
        } catch (ApiException e) {
            throw ApiException.invalid("body", e.getMessage());
        }
        JsonStructure structure;
        try (var reader = Json.createReader(new StringReader(body))) {
            structure = reader.read();
        } catch (JsonParsingException e) {
            throw ApiException.invalid("body", "is not valid JSON: " + ErrorMessages.oneLine(e));
        } catch (JsonException e) {
            throw ApiException.invalid("body", "is not valid JSON");
        }
        if (!(structure instanceof JsonObject object)) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        return new RequestBody(object);
    }

    /** Refuses a field the operation does not know, naming it. */
    public RequestBody allowOnly(List<String> fields) {
        TreeSet<String> unknown = new TreeSet<>(json.keySet());
        unknown.removeAll(fields);
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(unknown.first(), "is not a field of this operation; it takes " + fields);
        }
        return this;
    }

    public static RequestBody parse(String body, List<String> allowedFields) {
        return read(body).allowOnly(allowedFields);
    }

    /**
     * Exactly one of toTag, count and (where {@code all} is allowed) {@code "all": true}. Acting on every changeset is
     * never the default: an empty body or {} is refused, naming the field to add.
     */
    public Target target(boolean allAllowed) {
        String tag = string(TO_TAG);
        Integer count = null;
        if (json.containsKey(COUNT) && json.get(COUNT) != JsonValue.NULL) {
            if (!(json.get(COUNT) instanceof JsonNumber number) || !number.isIntegral()) {
                throw ApiException.invalid(COUNT, "must be a whole number");
            }
            try {
                count = number.intValueExact();
            } catch (ArithmeticException e) {
                throw ApiException.invalid(COUNT, "is too large");
            }
            if (count < 1) {
                throw ApiException.invalid(COUNT, "must be at least 1");
            }
        }
        boolean all = allAllowed && json.containsKey(ALL) && json.get(ALL) != JsonValue.NULL;
        if (all && !flag(ALL)) {
            throw ApiException.invalid(ALL, "must be true when given; to act on fewer changesets give toTag or count");
        }
        if ((tag != null ? 1 : 0) + (count != null ? 1 : 0) + (all ? 1 : 0) > 1) {
            throw ApiException.invalid("body", allAllowed ? "give only one of all, toTag and count" : "give toTag or count, not both");
        }
        if (tag == null && count == null && !all) {
            throw allAllowed
                    ? ApiException.invalid(ALL, "is required unless toTag or count is given: send {\"all\": true} to act on"
                            + " every pending changeset (an empty body is not taken to mean all)")
                    : ApiException.invalid("body", "name how far to go: toTag or count");
        }
        return tag != null ? Target.toTag(tag) : count != null ? Target.count(count) : Target.ALL;
    }

    public String required(String field) {
        String value = string(field);
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
        return value;
    }

    public boolean flag(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw ApiException.invalid(field, "must be true or false");
    }

    /** The request as recorded in the audit: what was asked, never the confirmation token or the password. */
    public String forAudit() {
        JsonObjectBuilder copy = Json.createObjectBuilder(json);
        for (String secret : List.of(CONFIRMATION_TOKEN, PASSWORD)) {
            if (json.containsKey(secret)) {
                copy.add(secret, "(redacted)");
            }
        }
        return copy.build().toString();
    }

    /** A string field exactly as sent (a password is not trimmed); null when absent. */
    public String secret(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw ApiException.invalid(field, "must be a string");
        }
        return text.getString();
    }

    /** What the audit records of a body that could not be read at all. */
    public static String unreadable(String body) {
        return "(unreadable body, " + (body == null ? 0 : body.length()) + " characters)";
    }

    private String string(String field) {
        String sent = secret(field);
        if (sent == null) {
            return null;
        }
        String s = sent.strip();
        if (s.isEmpty()) {
            throw ApiException.invalid(field, "must not be blank");
        }
        if ((TO_TAG.equals(field) || TAG.equals(field)) && s.length() > MAX_TAG) {
            throw ApiException.invalid(field, "must be at most " + MAX_TAG + " characters");
        }
        // new tags are names people type in URLs and shells; existing ones (toTag) may come from other tools
        if (TAG.equals(field) && !s.matches("[A-Za-z0-9._-]+")) {
            throw ApiException.invalid(field, "must consist of letters, digits, '.', '_' or '-'");
        }
        return s;
    }
}
