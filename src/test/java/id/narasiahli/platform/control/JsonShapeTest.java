package id.narasiahli.platform.control;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonShapeTest {

    public static class Body {
        public String name;
        public Integer year;
        public int count;
        public LocalDate day;
        public Instant at;
        public List<String> tags;
    }

    public record Log(Instant startDate) {
    }

    private static ApiException.FieldError refused(String json, Class<?> target) {
        ApiException e = assertThrows(ApiException.class, () -> JsonShape.check(json.getBytes(StandardCharsets.UTF_8), target), json);
        assertEquals(400, e.status());
        return e.fieldErrors().get(0);
    }

    @Test
    void acceptsWellTypedBodies() {
        assertDoesNotThrow(() -> JsonShape.check(("{\"name\":\"Ana \uD83D\uDE00\",\"year\":2015,\"count\":-3,\"day\":\"2020-02-29\","
                + "\"at\":\"2026-01-31T08:00:00Z\",\"tags\":[\"a\"],\"unknown\":{\"x\":[1]}}").getBytes(StandardCharsets.UTF_8), Body.class));
        assertDoesNotThrow(() -> JsonShape.check("{\"startDate\":null}".getBytes(StandardCharsets.UTF_8), Log.class));
        assertDoesNotThrow(() -> JsonShape.check(new byte[0], Body.class), "an empty body is Bean Validation's to refuse");
        assertDoesNotThrow(() -> JsonShape.check("{\"toTag\":\"v1\"}".getBytes(StandardCharsets.UTF_8), String.class));
    }

    @Test
    void refusesValuesJsonbWouldCoerce() {
        assertEquals("name", refused("{\"name\":[\"a\"]}", Body.class).field());
        assertEquals("name", refused("{\"name\":true}", Body.class).field());
        assertEquals("name", refused("{\"name\":12345}", Body.class).field());
        assertEquals("year", refused("{\"year\":2015.7}", Body.class).field());
        assertEquals("year", refused("{\"year\":2015.0}", Body.class).field());
        assertEquals("year", refused("{\"year\":\"2015\"}", Body.class).field());
        assertEquals("count", refused("{\"count\":2147483648}", Body.class).field());
        assertEquals("day", refused("{\"day\":\"2021-02-29\"}", Body.class).field());
        assertEquals("at", refused("{\"at\":\"2026-01-31T08:00:00\"}", Body.class).field());
        assertEquals("tags[1]", refused("{\"tags\":[\"a\",1]}", Body.class).field());
        assertEquals("startDate", refused("{\"startDate\":1}", Log.class).field());
    }

    @Test
    void refusesNonObjectsDuplicatesCharactersAndDepth() {
        for (String body : List.of("[]", "null", "\"s\"", "123")) {
            assertEquals("body", refused(body, Body.class).field(), body);
            assertEquals("body", refused(body, JsonObject.class).field(), body);
        }
        assertEquals("count", refused("{\"count\":1,\"count\":2}", String.class).field(), "also for bodies read as text");
        assertEquals("name", refused("{\"name\":\"a\\u0000b\"}", Body.class).field());
        assertEquals("name", refused("{\"name\":\"a\u0000b\"}", Body.class).field());
        assertEquals("name", refused("{\"name\":\"a\\ud800b\"}", Body.class).field());
        assertEquals("name", refused("{\"name\":\"a\\udc00\"}", Body.class).field());
        assertEquals("tags", refused("{\"tags\":" + "[".repeat(5000) + "]".repeat(5000) + "}", Body.class).field());
        String deep = refused("{\"a\":".repeat(2000) + "1" + "}".repeat(2000), String.class).field();
        assertEquals("a" + ".a".repeat(JsonShape.MAX_DEPTH - 1), deep, "names the path where the nesting got too deep");
        assertEquals("body", refused("{not json", Body.class).field());
        ApiException e = assertThrows(ApiException.class, () -> JsonShape.check(new byte[]{'{', '"', (byte) 0xC0, '"', '}'}, Body.class));
        assertEquals("body", e.fieldErrors().get(0).field());
    }
}
