package id.narasiahli.platform.control;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.TimeZone;

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

    private static final long GREGORIAN_FROM = Instant.parse("1583-01-01T00:00:00Z").toEpochMilli();
    private static final long FOUR_DIGIT_YEARS_UNTIL = Instant.parse("9999-12-31T23:59:59Z").toEpochMilli();

    /** The calendar for {@link #column}: one per statement, the driver reads only its zone. */
    public static Calendar utcCalendar() {
        return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    /**
     * A TIMESTAMP column as the UTC LocalDateTime it holds: what {@code getObject(column, LocalDateTime.class)} gives,
     * which Payara's pool wrapper calls by reflection, looking the method up on every call. The driver's getTimestamp with
     * a UTC calendar reads the same wall time, in no zone of this JVM; before the Gregorian calendar (where Timestamp counts
     * Julian days) and past year 9999 (infinity) the value is asked for the slow way.
     */
    public static LocalDateTime column(ResultSet row, int column, Calendar utc) throws SQLException {
        Timestamp value = row.getTimestamp(column, utc);
        if (value == null) {
            return null;
        }
        long millis = value.getTime();
        if (millis < GREGORIAN_FROM || millis > FOUR_DIGIT_YEARS_UNTIL) {
            return row.getObject(column, LocalDateTime.class);
        }
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), value.getNanos(), ZoneOffset.UTC);
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
