package id.narasiahli.platform.control;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as the schema keeps them: UTC in TIMESTAMP columns, to the microsecond. The JVM clock has
 * nanoseconds and PostgreSQL would round them, so a value read back would differ from the one written;
 * keyset cursors compare exact values, hence the truncation here rather than in each caller.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** The API shows instants (ISO-8601 with Z), so clients never guess the zone. */
    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static final DateTimeFormatter API_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The one text form of a timestamp in the API: UTC, {@code Z}, six fractional digits (truncated). */
    public static String format(Instant instant) {
        return API_FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Native queries hand back java.sql.Timestamp (or already LocalDateTime, depending on the driver path). */
    public static LocalDateTime fromColumn(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime local) {
            return local;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
    }
}
