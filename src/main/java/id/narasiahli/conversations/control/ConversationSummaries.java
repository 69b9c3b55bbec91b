package id.narasiahli.conversations.control;

import id.narasiahli.platform.control.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A user's conversations with what a conversation list shows, in one query: the other participant's name,
 * the latest message (one index probe per conversation, LATERAL … LIMIT 1) and the unread count (the partial
 * unread index, so read history costs nothing). Only the page's conversations get those lookups, so a user
 * with a thousand conversations pays for twenty. The unread count asks for the other participant's messages
 * ({@code sender_id = u.id}, both columns of the index) rather than "not mine": in a one-to-one conversation
 * that is the same set, but the user's own messages the other has not read yet are then never visited.
 */
@ApplicationScoped
public class ConversationSummaries {

    private static final String SELECT = """
            WITH page AS (
                SELECT id, participant1_id, participant2_id, created_at, last_message_at FROM conversations
                 WHERE (participant1_id = ?1 OR participant2_id = ?1) %s
                 ORDER BY COALESCE(last_message_at, created_at) DESC, id DESC %s)
            SELECT c.id, u.id, u.fullname, c.created_at, c.last_message_at,
                   m.id, m.sender_id, m.message_type, m.message_text, m.file_name, m.created_at,
                   (SELECT count(*) FROM chat_messages r
                     WHERE r.conversation_id = c.id AND r.sender_id = u.id AND r.is_read = false)
              FROM page c
              JOIN users u ON u.id = CASE WHEN c.participant1_id = ?1 THEN c.participant2_id ELSE c.participant1_id END
              LEFT JOIN LATERAL (SELECT l.id, l.sender_id, l.message_type, l.message_text, l.file_name, l.created_at
                                   FROM chat_messages l WHERE l.conversation_id = c.id
                                  ORDER BY l.created_at DESC, l.id DESC LIMIT 1) m ON true
             ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC
            """;

    @PersistenceContext
    EntityManager em;

    public record Summary(int id, int otherId, String otherName, LocalDateTime createdAt, LocalDateTime lastMessageAt,
                          LastMessage lastMessage, long unread) {
    }

    public record LastMessage(int id, int senderId, String type, String text, String fileName, LocalDateTime createdAt) {
    }

    /** Newest activity first: the last message, or the creation for a conversation without messages yet. */
    public List<Summary> of(int userId, int limit, int offset) {
        List<?> rows = em.createNativeQuery(pageSql())
                .setParameter(1, userId).setParameter(2, limit).setParameter(3, offset).getResultList();
        return rows.stream().map(r -> summary((Object[]) r)).toList();
    }

    /** The list's query (?1 the user, ?2 the limit, ?3 the offset); public for the benchmark, which times it alone. */
    public static String pageSql() {
        return SELECT.formatted("", "LIMIT ?2 OFFSET ?3");
    }

    public Optional<Summary> one(int userId, int conversationId) {
        List<?> rows = em.createNativeQuery(SELECT.formatted("AND id = ?2", ""))
                .setParameter(1, userId).setParameter(2, conversationId).getResultList();
        return rows.stream().map(r -> summary((Object[]) r)).findFirst();
    }

    public long count(int userId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM conversations WHERE participant1_id = ?1 OR participant2_id = ?1")
                .setParameter(1, userId).getSingleResult()).longValue();
    }

    /** The unread messages of {@code senderId} in the conversation: for a participant, those of the other one. */
    public long unreadFrom(int senderId, int conversationId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM chat_messages"
                        + " WHERE conversation_id = ?1 AND sender_id = ?2 AND is_read = false")
                .setParameter(1, conversationId).setParameter(2, senderId).getSingleResult()).longValue();
    }

    private static Summary summary(Object[] r) {
        LastMessage last = r[5] == null ? null : new LastMessage(number(r[5]), number(r[6]), (String) r[7], (String) r[8],
                (String) r[9], Timestamps.fromColumn(r[10]));
        return new Summary(number(r[0]), number(r[1]), (String) r[2], Timestamps.fromColumn(r[3]), Timestamps.fromColumn(r[4]),
                last, ((Number) r[11]).longValue());
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }
}
