package id.narasiahli.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A JSON request body checked before JSON-B reads it, because JSON-B coerces silently ({@code ["a"]} becomes
 * {@code "a"}, {@code 1.9} becomes 1, a repeated key keeps the last value) and PostgreSQL refuses NUL characters
 * with an error that would surface as a 500. Refused, each with a 400 naming the field: invalid UTF-8, duplicate
 * keys, nesting deeper than {@link #MAX_DEPTH}, NUL characters and unpaired surrogates in any string, a body that is
 * not an object where the operation takes one, and a value whose JSON type does not fit the target field (strings for
 * text, integral numbers in range for integers, ISO dates for dates).
 */
public final class JsonShape {

    /** Deeper than any body of this API; far below what would exhaust a parser's or binder's stack. */
    public static final int MAX_DEPTH = 32;

    private JsonShape() {
    }

    /**
     * Checks {@code body} (UTF-8) for a value of {@code target}. An empty body is left to the operation (Bean
     * Validation's {@code @NotNull} refuses it where a body is required); a body read as text by the operation itself
     * is checked for well-formedness and characters only.
     */
    public static void check(byte[] body, Type target) {
        String text = utf8(body);
        if (text.isBlank()) {
            return;
        }
        scan(text);
        if (target == String.class) {
            return;
        }
        JsonValue value;
        try {
            value = Json.createReader(new StringReader(text)).readValue();
        } catch (RuntimeException e) {
            throw ApiException.invalid("body", "is not valid JSON");
        }
        fits("", value, target);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("body", "is not valid UTF-8");
        }
    }

    /** One streaming pass: depth, duplicate keys, characters. Nothing recursive, so any nesting is safe to scan. */
    private static void scan(String text) {
        Deque<Set<String>> keys = new ArrayDeque<>();
        Deque<String> path = new ArrayDeque<>();
        String key = null;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (keys.size() >= MAX_DEPTH) {
                            throw ApiException.invalid(field(path, key), "is nested deeper than " + MAX_DEPTH + " levels");
                        }
                        path.push(key == null ? "" : key);
                        keys.push(event == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of());
                        key = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        keys.pop();
                        path.pop();
                        key = null;
                    }
                    case KEY_NAME -> {
                        key = parser.getString();
                        characters(field(path, key), key);
                        if (!keys.peek().add(key)) {
                            throw ApiException.invalid(field(path, key), "appears more than once in the same object");
                        }
                    }
                    case VALUE_STRING -> characters(field(path, key), parser.getString());
                    default -> {
                    }
                }
            }
        } catch (JsonParsingException e) {
            throw ApiException.invalid(field(path, key), "is not valid JSON (" + e.getLocation().getLineNumber() + ":"
                    + e.getLocation().getColumnNumber() + ")");
        } catch (jakarta.json.JsonException e) {
            throw ApiException.invalid("body", "is not valid JSON");
        }
    }

    /** Refuses NUL (PostgreSQL cannot store it) and unpaired UTF-16 surrogates (they would be stored as '?'). */
    public static void characters(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw ApiException.invalid(field, "must not contain the NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiException.invalid(field, "contains an unpaired UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")");
            }
        }
    }

    private static String field(Deque<String> path, String key) {
        StringBuilder name = new StringBuilder();
        var parts = path.descendingIterator();
        while (parts.hasNext()) {
            String part = parts.next();
            if (!part.isEmpty()) {
                name.append(name.length() == 0 ? "" : ".").append(part);
            }
        }
        if (key != null) {
            name.append(name.length() == 0 ? "" : ".").append(key);
        }
        return name.length() == 0 ? "body" : name.toString();
    }

    /** Does {@code value} have the JSON type that JSON-B would map to {@code target} without coercion? */
    private static void fits(String field, JsonValue value, Type target) {
        String name = field.isEmpty() ? "body" : field;
        Class<?> type = raw(target);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (field.isEmpty() && type != JsonValue.class) {
                throw ApiException.invalid("body", "must be a JSON object, not null");
            }
            return; // a missing or null field is Bean Validation's to judge
        }
        if (JsonValue.class.isAssignableFrom(type)) {
            if ((JsonObject.class.isAssignableFrom(type) && !(value instanceof JsonObject))
                    || (JsonArray.class.isAssignableFrom(type) && !(value instanceof JsonArray))
                    || (JsonStructure.class.equals(type) && !(value instanceof JsonStructure))) {
                throw ApiException.invalid(name, "must be a JSON " + (JsonArray.class.isAssignableFrom(type) ? "array" : "object"));
            }
            return;
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            require(value instanceof JsonString, name, "must be a string");
        } else if (type == Boolean.class || type == boolean.class) {
            require(value == JsonValue.TRUE || value == JsonValue.FALSE, name, "must be true or false");
        } else if (integral(type)) {
            require(value instanceof JsonNumber n && n.isIntegral(), name, "must be an integer (no fraction, no quotes)");
            BigInteger number = ((JsonNumber) value).bigIntegerValue();
            long max = type == Long.class || type == long.class ? Long.MAX_VALUE
                    : type == Short.class || type == short.class ? Short.MAX_VALUE : Integer.MAX_VALUE;
            long min = type == Long.class || type == long.class ? Long.MIN_VALUE
                    : type == Short.class || type == short.class ? Short.MIN_VALUE : Integer.MIN_VALUE;
            require(number.compareTo(BigInteger.valueOf(max)) <= 0 && number.compareTo(BigInteger.valueOf(min)) >= 0,
                    name, "is out of range (" + min + " to " + max + ")");
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            require(value instanceof JsonNumber, name, "must be a number");
        } else if (type == LocalDate.class) {
            require(value instanceof JsonString s && parses(() -> LocalDate.parse(s.getString())), name,
                    "must be a date as YYYY-MM-DD");
        } else if (type == Instant.class || type == OffsetDateTime.class || type == LocalDateTime.class) {
            require(value instanceof JsonString s && parses(() -> OffsetDateTime.parse(s.getString())), name,
                    "must be a date-time with a zone, e.g. 2026-01-31T08:00:00Z");
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            require(value instanceof JsonArray, name, "must be an array");
            Type element = type.isArray() ? type.getComponentType() : argument(target, 0);
            JsonArray array = (JsonArray) value;
            for (int i = 0; i < array.size(); i++) {
                fits(name + "[" + i + "]", array.get(i), element);
            }
        } else if (Map.class.isAssignableFrom(type)) {
            require(value instanceof JsonObject, name, "must be an object");
        } else if (type != Object.class) {
            require(value instanceof JsonObject, name, "must be a JSON object");
            JsonObject object = (JsonObject) value;
            for (Map.Entry<String, Type> property : properties(type).entrySet()) {
                JsonValue member = object.get(property.getKey());
                if (member != null) {
                    fits(field.isEmpty() ? property.getKey() : field + "." + property.getKey(), member, property.getValue());
                }
            }
        }
    }

    private static Map<String, Type> properties(Class<?> type) {
        Map<String, Type> properties = new java.util.LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), component.getGenericType());
            }
            return properties;
        }
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                properties.put(f.getName(), f.getGenericType());
            }
        }
        return properties;
    }

    private static boolean integral(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw ApiException.invalid(field, message);
        }
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        return Object.class;
    }

    static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }
}
