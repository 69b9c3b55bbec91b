package id.narasiahli.conversations.control;

import id.narasiahli.platform.control.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;

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
    private static final String COLUMNS = "m.id, m.conversation_id, m.sender_id, m.message_text, m.message_type, m.file_url,"
            + " m.file_name, m.file_size, m.is_read, m.created_at";

    /**
     * The participant check and the page in one round trip: no row when the conversation does not exist or the
     * caller is not in it; one row of NULLs when it has no message (before the cursor); else the messages.
     */
    private static final String PAGE = "SELECT " + COLUMNS + " FROM conversations c LEFT JOIN LATERAL (SELECT * FROM chat_messages"
            + " WHERE conversation_id = c.id %s ORDER BY created_at DESC, id DESC LIMIT ?) m ON true"
            + " WHERE c.id = ? AND (c.participant1_id = ? OR c.participant2_id = ?)";
    private static final String NEWEST = PAGE.formatted("");
    private static final String OLDER = PAGE.formatted("AND (created_at, id) < (?, ?)");

    @PersistenceContext
    EntityManager em;

    /** The statement of the newest page: parameters limit, conversation id, caller, caller (bench/EndpointsBench runs it alone). */
    public static String newestPageSql() {
        return NEWEST;
    }

    @Inject
    DataSource dataSource;

    /** One message as the history page shows it: read straight from the row, no entity built or tracked. */
    public record Row(int id, int conversationId, int senderId, String messageType, String text, String fileUrl, String fileName,
                      Long fileSize, boolean read, LocalDateTime createdAt) {
    }

    /**
     * Up to {@code limit} messages of the conversation older than {@code before} (or the newest when null), if
     * {@code me} takes part in it; empty when the conversation does not exist or is someone else's.
     * Plain JDBC on the container's datasource, outside any transaction (one statement, autocommit): this is
     * the most requested read, and the entity path (a managed ChatMessage per row, in a transaction of an EJB)
     * cost several times the query itself (src/site/markdown/performance.md).
     */
    public Optional<List<Row>> page(int me, int conversationId, MessageCursor before, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(before == null ? NEWEST : OLDER)) {
            int p = 1;
            if (before != null) {
                statement.setObject(p++, before.createdAt());
                statement.setInt(p++, before.id());
            }
            statement.setInt(p++, limit);
            statement.setInt(p++, conversationId);
            statement.setInt(p++, me);
            statement.setInt(p, me);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                List<Row> page = new ArrayList<>(limit);
                Calendar utc = Timestamps.utcCalendar();
                do {
                    int id = rows.getInt(1);
                    if (!rows.wasNull()) {
                        long size = rows.getLong(8);
                        Long fileSize = rows.wasNull() ? null : size;
                        page.add(new Row(id, rows.getInt(2), rows.getInt(3), rows.getString(5), rows.getString(4),
                                rows.getString(6), rows.getString(7), fileSize, rows.getBoolean(9),
                                Timestamps.column(rows, 10, utc)));
                    }
                } while (rows.next());
                return Optional.of(page);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the history of conversation " + conversationId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks the unread messages of {@code senderId} (the reader's other participant) up to and including {@code upTo} as
     * read. By sender, not "not the reader": both columns of idx_chat_messages_unread, so the reader's own unread messages
     * are never visited.
     */
    public int markRead(int conversationId, int senderId, MessageCursor upTo) {
        return em.createNativeQuery("UPDATE chat_messages SET is_read = true WHERE conversation_id = ?1 AND sender_id = ?2"
                        + " AND is_read = false AND (created_at, id) <= (?3, ?4)")
                .setParameter(1, conversationId).setParameter(2, senderId).setParameter(3, upTo.createdAt())
                .setParameter(4, upTo.id()).executeUpdate();
    }
}
