package id.narasiahli.retention.control;

import java.time.Instant;

/** What one retention run removed; {@code ran} is false when another instance held the lock. */
public record RetentionReport(boolean ran, String trigger, Instant sessionsDeletedBefore, Instant filesCreatedBefore,
                              int sessions, long sessionMessages, long sessionLogs, int files, long fileBytes,
                              long durationMs) {

    public static RetentionReport skipped(String trigger) {
        return new RetentionReport(false, trigger, null, null, 0, 0, 0, 0, 0, 0);
    }
}
