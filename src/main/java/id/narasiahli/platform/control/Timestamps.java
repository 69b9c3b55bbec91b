package id.narasiahli.platform.control;

import java.nio.charset.StandardCharsets;
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

    /**
     * The one text form of a timestamp in the API: UTC, {@code Z}, six fractional digits (truncated). Written digit by
     * digit for the four-digit years every stored value has: DateTimeFormatter took more time than the rest of writing a
     * message (TimestampsTest compares both).
     */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return API_FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
        }
        byte[] text = "0000-00-00T00:00:00.000000Z".getBytes(StandardCharsets.US_ASCII);
        digits(text, 0, 4, t.getYear());
        digits(text, 5, 2, t.getMonthValue());
        digits(text, 8, 2, t.getDayOfMonth());
        digits(text, 11, 2, t.getHour());
        digits(text, 14, 2, t.getMinute());
        digits(text, 17, 2, t.getSecond());
        digits(text, 20, 6, instant.getNano() / 1000);
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static void digits(byte[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            text[i] = (byte) ('0' + value % 10);
        }
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
