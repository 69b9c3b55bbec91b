package id.narasiahli.aichat.boundary;

import java.time.LocalDate;

/**
 * A user's AI usage over the days from..to (inclusive, UTC): sessions created, messages written by either
 * side, usage logs started and their total duration in seconds. Purged sessions no longer count.
 */
public record UsageSummary(int userId, LocalDate from, LocalDate to, long sessions, long messages, long logs,
                           long totalDuration) {
}
