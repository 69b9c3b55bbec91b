package id.narasiahli.platform.control;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampsTest {

    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static String byPattern(Instant instant) {
        return PATTERN.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void formatsEveryInstantAsThePatternDoes() {
        SplittableRandom random = new SplittableRandom(16);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            assertEquals(byPattern(instant), Timestamps.format(instant));
        }
    }

    @Test
    void formatsEdgesAsThePatternDoes() {
        for (String text : new String[]{"1970-01-01T00:00:00Z", "2026-12-02T07:09:19.000000999Z", "2026-01-12T13:46:40.123456789Z",
                "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "1969-12-31T23:59:59.5Z",
                "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(text);
            assertEquals(byPattern(instant), Timestamps.format(instant), text);
        }
    }

    /** The driver's answer for a TIMESTAMP column read with a UTC calendar: the wall time as if it were UTC. */
    private static ResultSet holding(LocalDateTime wallTime) {
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[]{ResultSet.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getTimestamp" -> {
                        Timestamp t = new Timestamp(wallTime.toInstant(ZoneOffset.UTC).toEpochMilli());
                        t.setNanos(wallTime.getNano());
                        yield t;
                    }
                    case "getObject" -> wallTime;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void readsAColumnAsTheWallTimeItHolds() throws Exception {
        Calendar utc = Timestamps.utcCalendar();
        for (String text : new String[]{"2026-01-12T13:46:40.123456", "1970-01-01T00:00", "1969-12-31T23:59:59.999999",
                "2024-03-31T02:30:00.000001", "1583-01-01T00:00", "9999-12-31T23:59:59.999999"}) {
            LocalDateTime wallTime = LocalDateTime.parse(text);
            assertEquals(wallTime, Timestamps.column(holding(wallTime), 1, utc), text);
        }
    }
}
