package id.narasiahli.aichat.boundary;

import id.narasiahli.aichat.control.OwnedSessions;
import id.narasiahli.aichat.entity.AiChatLog;
import id.narasiahli.aichat.entity.AiChatSession;
import id.narasiahli.aichat.entity.SessionStatus;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import id.narasiahli.platform.control.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Usage logs of AI sessions and the per-user usage summary. */
@Stateless
public class AiUsage {

    /** Client clocks drift; a time further ahead than this is a mistake, not a measurement. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    OwnedSessions sessions;

    /** Starts a log now, or at {@code startDate} when the client measured it. */
    public AiLogView start(int me, int sessionId, Instant startDate) {
        AiChatSession session = sessions.visible(me, sessionId);
        if (session.status() != SessionStatus.ACTIVE) {
            throw OwnedSessions.notActive(sessionId);
        }
        LocalDateTime now = Timestamps.now();
        AiChatLog log = new AiChatLog(sessionId, me, notInFuture("startDate", startDate, now), now);
        em.persist(log);
        em.flush();
        return AiLogView.of(log);
    }

    /** Ends a log now, or at {@code endDate}; the server computes total_duration in seconds. */
    public AiLogView end(int me, int sessionId, int logId, Instant endDate) {
        AiChatLog log = logOf(me, sessionId, logId);
        LocalDateTime now = Timestamps.now();
        log.end(notInFuture("endDate", endDate, now), now);
        return AiLogView.of(log);
    }

    public AiLogView get(int me, int sessionId, int logId) {
        return AiLogView.of(logOf(me, sessionId, logId));
    }

    public Page<AiLogView> list(int me, int sessionId, String limit, String offset) {
        sessions.visible(me, sessionId);
        PageRequest page = PageRequest.of(limit, offset, null, Map.of("startDate", "startDate"), "-startDate");
        List<AiChatLog> found = em.createQuery("SELECT l FROM AiChatLog l WHERE l.sessionId = :s" + page.orderClause("l"), AiChatLog.class)
                .setParameter("s", sessionId).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        long total = em.createQuery("SELECT count(l) FROM AiChatLog l WHERE l.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
        return Page.of(found, AiLogView::of, total, page);
    }

    /** Usage of {@code userId} on the days from..to (inclusive, UTC), counted in the database. */
    public UsageSummary summary(int userId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        long sessions = count("SELECT count(*) FROM ai_chat_sessions WHERE user_id = ?1 AND created_at >= ?2 AND created_at < ?3",
                userId, start, end);
        long messages = count("SELECT count(*) FROM ai_chat_messages m JOIN ai_chat_sessions s ON s.id = m.session_id"
                + " WHERE s.user_id = ?1 AND m.created_at >= ?2 AND m.created_at < ?3", userId, start, end);
        Object[] logs = (Object[]) em.createNativeQuery("SELECT count(*), COALESCE(sum(total_duration), 0) FROM ai_chat_logs"
                        + " WHERE user_id = ?1 AND start_date >= ?2 AND start_date < ?3")
                .setParameter(1, userId).setParameter(2, start).setParameter(3, end).getSingleResult();
        return new UsageSummary(userId, from, to, sessions, messages, ((Number) logs[0]).longValue(), ((Number) logs[1]).longValue());
    }

    private AiChatLog logOf(int me, int sessionId, int logId) {
        sessions.visible(me, sessionId);
        AiChatLog log = em.find(AiChatLog.class, logId);
        if (log == null || log.sessionId() != sessionId) {
            throw ApiException.notFound("Usage log " + logId + " of AI session " + sessionId);
        }
        return log;
    }

    private long count(String sql, int userId, LocalDateTime from, LocalDateTime to) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, userId).setParameter(2, from).setParameter(3, to)
                .getSingleResult()).longValue();
    }

    private static LocalDateTime notInFuture(String field, Instant at, LocalDateTime now) {
        if (at == null) {
            return now;
        }
        LocalDateTime value = Timestamps.utc(at);
        if (value.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.invalid(field, "must not be in the future");
        }
        return value;
    }
}
