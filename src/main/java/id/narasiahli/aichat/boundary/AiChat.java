package id.narasiahli.aichat.boundary;

import id.narasiahli.aichat.control.OwnedSessions;
import id.narasiahli.aichat.entity.AiChatMessage;
import id.narasiahli.aichat.entity.AiChatSession;
import id.narasiahli.aichat.entity.AiMessageType;
import id.narasiahli.aichat.entity.SessionStatus;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import id.narasiahli.platform.control.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The transaction border of AI chat sessions and their messages. A session is seen only by its owner. */
@Stateless
public class AiChat {

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + AiChatSession.SESSION_ID_LENGTH + "}");
    private static final Map<String, String> SESSION_SORTS = Map.of("updatedAt", "updatedAt", "createdAt", "createdAt", "title", "title");

    @PersistenceContext
    EntityManager em;

    @Inject
    OwnedSessions sessions;

    /** {@code aiSessionId} is the AI provider's id for the session when the client has one; otherwise one is generated. */
    public AiSessionView create(int me, String title, String agentId, String aiSessionId) {
        String id = aiSessionId == null || aiSessionId.isBlank() ? UUID.randomUUID().toString() : aiSessionId.trim();
        if (!SESSION_ID.matcher(id).matches()) {
            throw ApiException.invalid("aiSessionId", "must be 1 to " + AiChatSession.SESSION_ID_LENGTH
                    + " letters, digits or . _ : -");
        }
        // Unique per user only: a global check would tell one user that another user's id exists.
        if (!em.createQuery("SELECT s.id FROM AiChatSession s WHERE s.userId = :me AND s.aiSessionId = :id")
                .setParameter("me", me).setParameter("id", id).getResultList().isEmpty()) {
            throw sessionIdTaken(id);
        }
        AiChatSession session = new AiChatSession(id, me, blankToNull(agentId), title.strip(), Timestamps.now());
        try {
            em.persist(session);
            em.flush();
        } catch (PersistenceException e) {
            throw sessionIdTaken(id); // a concurrent create with the same id won (idx_ai_chat_sessions_user_ai_session_id)
        }
        return AiSessionView.of(session);
    }

    /** Active and archived sessions, or only those of {@code status}; deleted ones are never listed. */
    public Page<AiSessionView> list(int me, String status, String limit, String offset, String sort) {
        Set<SessionStatus> statuses = status == null || status.isBlank()
                ? EnumSet.of(SessionStatus.ACTIVE, SessionStatus.ARCHIVED) : EnumSet.of(listable(status));
        PageRequest page = PageRequest.of(limit, offset, sort, SESSION_SORTS, "-updatedAt");
        List<AiChatSession> found = em.createQuery("SELECT s FROM AiChatSession s WHERE s.userId = :me AND s.status IN :statuses"
                        + page.orderClause("s"), AiChatSession.class)
                .setParameter("me", me).setParameter("statuses", statuses)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        long total = em.createQuery("SELECT count(s) FROM AiChatSession s WHERE s.userId = :me AND s.status IN :statuses", Long.class)
                .setParameter("me", me).setParameter("statuses", statuses).getSingleResult();
        return Page.of(found, AiSessionView::of, total, page);
    }

    public AiSessionView get(int me, int sessionId) {
        return AiSessionView.of(sessions.visible(me, sessionId));
    }

    /** Renames and/or archives (status archived) or reactivates (status active) a session. */
    public AiSessionView update(int me, int sessionId, String title, String status) {
        AiChatSession session = sessions.visible(me, sessionId);
        LocalDateTime now = Timestamps.now();
        if (title != null) {
            if (title.isBlank()) {
                throw ApiException.invalid("title", "must not be blank");
            }
            session.rename(title.strip(), now);
        }
        if (status != null) {
            session.changeStatus(listable(status), now);
        }
        return AiSessionView.of(session);
    }

    /** Hides the session at once; retention purges it and its messages and logs after the configured days. */
    public void delete(int me, int sessionId) {
        sessions.visible(me, sessionId).changeStatus(SessionStatus.DELETED, Timestamps.now());
    }

    /**
     * Appends a message and counts it in one transaction. The counter is incremented by the database
     * (message_count = message_count + 1) under the row lock the UPDATE takes, so concurrent appends queue
     * on the session row and none is lost; reading the count into Java and writing it back would lose them.
     */
    public AiMessageView append(int me, int sessionId, String messageType, String content) {
        AiMessageType type = messageType(messageType);
        LocalDateTime now = Timestamps.now();
        int counted = em.createNativeQuery("UPDATE ai_chat_sessions SET message_count = COALESCE(message_count, 0) + 1,"
                        + " updated_at = ?3 WHERE id = ?1 AND user_id = ?2 AND status = 'active'")
                .setParameter(1, sessionId).setParameter(2, me).setParameter(3, now).executeUpdate();
        if (counted == 0) {
            sessions.visible(me, sessionId);
            throw OwnedSessions.notActive(sessionId);
        }
        AiChatMessage message = new AiChatMessage(sessionId, type, content, now);
        em.persist(message);
        em.flush();
        return AiMessageView.of(message);
    }

    /** The transcript, oldest first. */
    public Page<AiMessageView> messages(int me, int sessionId, String limit, String offset) {
        AiChatSession session = sessions.visible(me, sessionId);
        PageRequest page = PageRequest.of(limit, offset, null, Map.of("createdAt", "createdAt"), "createdAt");
        List<AiChatMessage> found = em.createQuery("SELECT m FROM AiChatMessage m WHERE m.sessionId = :s" + page.orderClause("m"),
                        AiChatMessage.class)
                .setParameter("s", sessionId).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return Page.of(found, AiMessageView::of, session.messageCount(), page);
    }

    public AiMessageView message(int me, int sessionId, int messageId) {
        sessions.visible(me, sessionId);
        AiChatMessage message = em.find(AiChatMessage.class, messageId);
        if (message == null || message.sessionId() != sessionId) {
            throw ApiException.notFound("Message " + messageId + " in AI session " + sessionId);
        }
        return AiMessageView.of(message);
    }

    private static SessionStatus listable(String status) {
        String value = status.trim();
        if (SessionStatus.ACTIVE.value().equals(value)) {
            return SessionStatus.ACTIVE;
        }
        if (SessionStatus.ARCHIVED.value().equals(value)) {
            return SessionStatus.ARCHIVED;
        }
        throw ApiException.invalid("status", "must be active or archived (delete a session with DELETE)");
    }

    private static AiMessageType messageType(String value) {
        if (AiMessageType.USER.value().equals(value)) {
            return AiMessageType.USER;
        }
        if (AiMessageType.ASSISTANT.value().equals(value)) {
            return AiMessageType.ASSISTANT;
        }
        throw ApiException.invalid("messageType", "must be user or assistant");
    }

    private static ApiException sessionIdTaken(String id) {
        return ApiException.conflict("ai-session-id-taken", "You already have an AI session with aiSessionId " + id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
