package id.narasiahli.privacy.control;

import id.narasiahli.platform.control.Timestamps;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Writes everything stored about one user as a single JSON document, row by row: each section is read
 * with a server-side cursor (fetch size, in a read-only transaction) and written straight to the response,
 * so an export of any size needs little memory. All columns are exported ({@code SELECT *}) so new columns
 * appear without code changes; secrets are left out (password hash, refresh-token hashes).
 */
public final class PersonalDataExport {

    private static final int FETCH_SIZE = 200;

    /** One part of the export: the JSON key, its query, and which parameters it takes (user id or email). */
    record Section(String key, String sql, boolean byEmail, int userIdParameters) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("education_histories", "SELECT * FROM education_histories WHERE user_id = ? ORDER BY id", false, 1),
            new Section("work_histories", "SELECT * FROM work_histories WHERE user_id = ? ORDER BY id", false, 1),
            new Section("research_journals", "SELECT * FROM research_journals WHERE user_id = ? ORDER BY id", false, 1),
            new Section("conversations", "SELECT * FROM conversations WHERE participant1_id = ? OR participant2_id = ? ORDER BY id", false, 2),
            new Section("chat_messages", "SELECT m.* FROM chat_messages m JOIN conversations c ON c.id = m.conversation_id"
                    + " WHERE c.participant1_id = ? OR c.participant2_id = ? ORDER BY m.conversation_id, m.id", false, 2),
            new Section("ai_chat_sessions", "SELECT * FROM ai_chat_sessions WHERE user_id = ? ORDER BY id", false, 1),
            new Section("ai_chat_messages", "SELECT m.* FROM ai_chat_messages m JOIN ai_chat_sessions s ON s.id = m.session_id"
                    + " WHERE s.user_id = ? ORDER BY m.session_id, m.id", false, 1),
            new Section("ai_chat_logs", "SELECT * FROM ai_chat_logs WHERE user_id = ? ORDER BY id", false, 1),
            new Section("stored_files", "SELECT id, content_type, byte_size, sha256, file_name, created_at,"
                    + " encode(data, 'base64') AS data_base64 FROM stored_files WHERE owner_id = ? ORDER BY created_at, id", false, 1),
            new Section("refresh_tokens", "SELECT id, family_id, issued_at, expires_at, used_at, revoked_at"
                    + " FROM refresh_tokens WHERE user_id = ? ORDER BY id", false, 1),
            new Section("consents", "SELECT id, purpose, granted_at, withdrawn_at FROM consents WHERE user_id = ? ORDER BY id", false, 1),
            new Section("login_failures", "SELECT id, client_address, failed_at FROM login_failures WHERE email = ? ORDER BY id", true, 0),
            // Schema operations an administrator ran; kept after their account is deleted (accountability), so exported.
            new Section("schema_operation_audit", "SELECT * FROM schema_operation_audit WHERE actor_id = ? ORDER BY id", false, 1));

    private static final String ACCOUNT = "SELECT id, fullname, email, phone_number, whatsapp_number, last_education, degree,"
            + " last_job_title, role, created_at, updated_at FROM users WHERE id = ?";

    private PersonalDataExport() {
    }

    /** The tables the export reads rows from (for the completeness test). */
    public static List<String> tables() {
        return SECTIONS.stream().map(Section::key).toList();
    }

    /**
     * {@code accountText} gives the exported text of each text column of the account row, e.g. a phone number
     * in plain text where the column holds it encrypted.
     */
    public static void write(DataSource dataSource, int userId, String email, BinaryOperator<String> accountText,
                             OutputStream out) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             JsonGenerator json = Json.createGenerator(out)) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            connection.setReadOnly(true);
            try {
                json.writeStartObject();
                json.write("exportedAt", Timestamps.format(java.time.Instant.now()));
                json.write("userId", userId);
                json.writeKey("account");
                try (PreparedStatement account = connection.prepareStatement(ACCOUNT)) {
                    account.setInt(1, userId);
                    try (ResultSet row = account.executeQuery()) {
                        if (row.next()) {
                            writeRow(json, row, accountText);
                        } else {
                            json.writeNull();
                        }
                    }
                }
                for (Section section : SECTIONS) {
                    json.writeStartArray(section.key());
                    try (PreparedStatement query = connection.prepareStatement(section.sql())) {
                        query.setFetchSize(FETCH_SIZE);
                        if (section.byEmail()) {
                            query.setString(1, email);
                        }
                        for (int i = 1; i <= section.userIdParameters(); i++) {
                            query.setInt(i, userId);
                        }
                        try (ResultSet rows = query.executeQuery()) {
                            while (rows.next()) {
                                writeRow(json, rows, (column, text) -> text);
                            }
                        }
                    }
                    json.writeEnd();
                }
                json.writeEnd();
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static void writeRow(JsonGenerator json, ResultSet row, BinaryOperator<String> text) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        json.writeStartObject();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i);
            Object value = row.getObject(i);
            if (value == null) {
                json.writeNull(name);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                json.write(name, ((Number) value).longValue());
            } else if (value instanceof BigDecimal decimal) {
                json.write(name, decimal);
            } else if (value instanceof Boolean bool) {
                json.write(name, bool);
            } else if (value instanceof Timestamp timestamp) {
                json.write(name, Timestamps.format(Timestamps.instant(timestamp.toLocalDateTime())));
            } else if (value instanceof java.sql.Date date) {
                json.write(name, date.toLocalDate().toString());
            } else if (value instanceof byte[] bytes) {
                json.write(name, Base64.getEncoder().encodeToString(bytes));
            } else {
                json.write(name, text.apply(name, value.toString()));
            }
        }
        json.writeEnd();
    }
}
