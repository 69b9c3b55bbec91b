package id.narasiahli.conversations.control;

import id.narasiahli.conversations.entity.ChatMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Message history newest first, by keyset. The row comparison {@code (created_at, id) < (?, ?)} is what
 * lets PostgreSQL start the scan of idx_chat_messages_conversation_history at the cursor; the equivalent
 * OR form would be a filter applied after reading every newer row.
 */
@ApplicationScoped
public class MessageHistory {

    /**
     * The entity's columns by name, never {@code SELECT *}: the driver prepares a statement it runs often on the
     * server, and a column added to chat_messages by an expand migration while this version serves would change that
     * statement's result type, so every pooled connection that had prepared it would fail the request once ("cached
     * plan must not change result type", 0A000). MigrationUnderLoadBench found it; HistoryDuringExpandIT keeps it so.
     */
    private static final String COLUMNS = "SELECT id, conversation_id, sender_id, message_text, message_type, file_url, file_name,"
            + " file_size, is_read, created_at FROM chat_messages";

    @PersistenceContext
    EntityManager em;

    /** Up to {@code limit} messages older than {@code before} (or the newest when null). */
    @SuppressWarnings("unchecked")
    public List<ChatMessage> page(int conversationId, MessageCursor before, int limit) {
        if (before == null) {
            return em.createNativeQuery(COLUMNS + " WHERE conversation_id = ?1"
                            + " ORDER BY created_at DESC, id DESC LIMIT ?2", ChatMessage.class)
                    .setParameter(1, conversationId).setParameter(2, limit).getResultList();
        }
        return em.createNativeQuery(COLUMNS + " WHERE conversation_id = ?1"
                        + " AND (created_at, id) < (?2, ?3) ORDER BY created_at DESC, id DESC LIMIT ?4", ChatMessage.class)
                .setParameter(1, conversationId).setParameter(2, before.createdAt()).setParameter(3, before.id())
                .setParameter(4, limit).getResultList();
    }

    /** Marks the other participant's unread messages up to and including {@code upTo} as read. */
    public int markRead(int conversationId, int readerId, MessageCursor upTo) {
        return em.createNativeQuery("UPDATE chat_messages SET is_read = true WHERE conversation_id = ?1 AND sender_id <> ?2"
                        + " AND is_read = false AND (created_at, id) <= (?3, ?4)")
                .setParameter(1, conversationId).setParameter(2, readerId).setParameter(3, upTo.createdAt())
                .setParameter(4, upTo.id()).executeUpdate();
    }
}
