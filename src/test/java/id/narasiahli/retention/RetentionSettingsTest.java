package id.narasiahli.retention;

import id.narasiahli.retention.control.RetentionSettings;
import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetentionSettingsTest {

    @Test
    void scheduleIsInUtcOnTheConfiguredHourAndMinute() {
        ScheduleExpression schedule = RetentionSettings.schedule(" */6 ", "15");
        assertEquals("*/6", schedule.getHour());
        assertEquals("15", schedule.getMinute());
        assertEquals("0", schedule.getSecond());
        assertEquals("UTC", schedule.getTimezone());
        assertEquals("*", schedule.getDayOfMonth());
    }
}
