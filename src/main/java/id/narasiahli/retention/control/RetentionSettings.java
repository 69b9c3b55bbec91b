package id.narasiahli.retention.control;

import jakarta.ejb.ScheduleExpression;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Retention's MicroProfile Config settings (src/site/markdown/configuration.md). */
@ApplicationScoped
public class RetentionSettings {

    @Inject
    @ConfigProperty(name = "narasi.retention.enabled", defaultValue = "true")
    boolean enabled;

    /** EJB calendar syntax in UTC, like @Schedule's: a value, a list ("0,12"), a range or an increment. */
    @Inject
    @ConfigProperty(name = "narasi.retention.schedule-hour", defaultValue = "3")
    String hour;

    @Inject
    @ConfigProperty(name = "narasi.retention.schedule-minute", defaultValue = "30")
    String minute;

    @Inject
    @ConfigProperty(name = "narasi.retention.deleted-session-days", defaultValue = "30")
    int deletedSessionDays;

    @Inject
    @ConfigProperty(name = "narasi.retention.file-grace-hours", defaultValue = "24")
    int fileGraceHours;

    @Inject
    @ConfigProperty(name = "narasi.retention.batch-size", defaultValue = "5000")
    int batchSize;

    public boolean enabled() {
        return enabled;
    }

    public ScheduleExpression schedule() {
        return schedule(hour, minute);
    }

    public static ScheduleExpression schedule(String hour, String minute) {
        return new ScheduleExpression().hour(hour.trim()).minute(minute.trim()).second("0").timezone("UTC");
    }

    /** Deleted sessions are kept this long after their deletion (updated_at), so a mistaken delete can be undone by an operator. */
    public Duration deletedSessionAge() {
        return Duration.ofDays(requireAtLeast("narasi.retention.deleted-session-days", deletedSessionDays, 0));
    }

    /** Unreferenced files younger than this stay: an upload may be referenced by a request that comes after it. */
    public Duration fileGrace() {
        return Duration.ofHours(requireAtLeast("narasi.retention.file-grace-hours", fileGraceHours, 1));
    }

    /** At most this many sessions and this many files per run, so one run stays one short transaction. */
    public int batchSize() {
        return requireAtLeast("narasi.retention.batch-size", batchSize, 1);
    }

    public String describe() {
        return "hour " + hour + ", minute " + minute + " UTC; deleted AI sessions after " + deletedSessionDays
                + " days, unreferenced files after " + fileGraceHours + " hours, at most " + batchSize + " of each per run";
    }

    private static int requireAtLeast(String setting, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalStateException(setting + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }
}
