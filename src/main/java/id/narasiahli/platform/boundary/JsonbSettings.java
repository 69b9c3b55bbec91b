package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.Timestamps;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * JSON-B as the API uses it: every timestamp in one format, UTC with {@code Z} and exactly six fractional digits
 * (what PostgreSQL keeps), whether the value is an {@link Instant} or a UTC {@link LocalDateTime} of an entity. JSON-B's
 * default would print a LocalDateTime without a zone and drop trailing zeros, so a create response and the read
 * after it could differ.
 */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withAdapters(new InstantText(), new LocalDateTimeText()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    public static final class InstantText implements JsonbAdapter<Instant, String> {
        @Override
        public String adaptToJson(Instant value) {
            return Timestamps.format(value);
        }

        @Override
        public Instant adaptFromJson(String text) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    public static final class LocalDateTimeText implements JsonbAdapter<LocalDateTime, String> {
        @Override
        public String adaptToJson(LocalDateTime value) {
            return Timestamps.format(Timestamps.instant(value));
        }

        @Override
        public LocalDateTime adaptFromJson(String text) {
            return Timestamps.utc(OffsetDateTime.parse(text).toInstant());
        }
    }
}
