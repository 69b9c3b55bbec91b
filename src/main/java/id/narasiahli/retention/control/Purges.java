package id.narasiahli.retention.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The two purges as single statements that delete and report what they deleted (DELETE … RETURNING). */
public final class Purges {

    /**
     * Sessions deleted before the cutoff, oldest first, with their messages and logs (ON DELETE CASCADE).
     * message_count is exact, so it tells how many messages went; the logs are counted in the same statement
     * (every part of it sees the rows as they were before the delete).
     */
    private static final String SESSIONS = """
            WITH doomed AS (
                SELECT id FROM ai_chat_sessions WHERE status = 'deleted' AND updated_at < ?
                 ORDER BY updated_at, id LIMIT ? FOR UPDATE SKIP LOCKED),
            logs AS (
                SELECT session_id, count(*) AS n FROM ai_chat_logs WHERE session_id IN (SELECT id FROM doomed) GROUP BY session_id),
            gone AS (
                DELETE FROM ai_chat_sessions s USING doomed d WHERE s.id = d.id
                RETURNING s.id, s.user_id, s.ai_session_id, COALESCE(s.message_count, 0) AS messages)
            SELECT g.id, g.user_id, g.ai_session_id, g.messages, COALESCE(l.n, 0) FROM gone g
              LEFT JOIN logs l ON l.session_id = g.id ORDER BY g.id
            """;

    private static final String FILES = "WITH " + FileReferences.certificateFiles() + """
            ,
            doomed AS (
                SELECT f.id FROM stored_files f WHERE f.created_at < ? AND NOT %s
                 ORDER BY f.created_at, f.id LIMIT ? FOR UPDATE OF f SKIP LOCKED)
            DELETE FROM stored_files f USING doomed d WHERE f.id = d.id
            RETURNING f.id, f.owner_id, f.byte_size, f.content_type
            """.formatted(FileReferences.referenced());

    private Purges() {
    }

    public record PurgedSession(int id, int userId, String aiSessionId, long messages, long logs) {
    }

    public record PurgedFile(String id, int ownerId, long bytes, String contentType) {
    }

    public static List<PurgedSession> sessions(Connection connection, LocalDateTime deletedBefore, int limit) throws SQLException {
        List<PurgedSession> purged = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement(SESSIONS)) {
            delete.setTimestamp(1, Timestamp.valueOf(deletedBefore));
            delete.setInt(2, limit);
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    purged.add(new PurgedSession(rows.getInt(1), rows.getInt(2), rows.getString(3), rows.getLong(4), rows.getLong(5)));
                }
            }
        }
        return purged;
    }

    public static List<PurgedFile> files(Connection connection, LocalDateTime createdBefore, int limit) throws SQLException {
        List<PurgedFile> purged = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement(FILES)) {
            delete.setTimestamp(1, Timestamp.valueOf(createdBefore));
            delete.setInt(2, limit);
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    purged.add(new PurgedFile(rows.getString(1), rows.getInt(2), rows.getLong(3), rows.getString(4)));
                }
            }
        }
        return purged;
    }
}
