package id.narasiahli.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
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
}
