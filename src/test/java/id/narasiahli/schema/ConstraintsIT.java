package id.narasiahli.schema;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The plan's CHECKs, unique indexes and cascades, exercised with real rows in PostgreSQL. */
class ConstraintsIT {

    private static String database;
    private int alice;
    private int bob;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.createDatabase("constraints");
        Changelogs.update(database);
    }

    @BeforeEach
    void twoUsers() throws SQLException {
        execute("TRUNCATE users RESTART IDENTITY CASCADE");
        alice = insertUser("alice@example.com");
        bob = insertUser("bob@example.com");
    }

    @Test
    void graduationYearOutside1950To2030IsRejected() throws SQLException {
        assertViolates("chk_graduation_year", education(1949));
        assertViolates("chk_graduation_year", education(2031));
        execute(education(1950));
        execute(education(2030));
    }

    @Test
    void workEndingBeforeItStartedIsRejected() throws SQLException {
        assertViolates("chk_work_dates", "INSERT INTO work_histories (user_id, job_title, company_name, start_date, end_date)"
                + " VALUES (" + alice + ", 'Lecturer', 'UI', '2020-01-02', '2020-01-01')");
        execute("INSERT INTO work_histories (user_id, job_title, company_name, start_date, end_date)"
                + " VALUES (" + alice + ", 'Lecturer', 'UI', '2020-01-02', NULL)");
    }

    @Test
    void conversationWithOneselfIsRejected() {
        assertViolates("chk_different_participants", conversation(alice, alice));
    }

    @Test
    void conversationInReverseOrderOfAnExistingPairIsRejected() throws SQLException {
        execute(conversation(alice, bob));
        assertViolates("idx_conversations_participants", conversation(bob, alice));
        assertViolates("idx_conversations_participants", conversation(alice, bob));
    }

    @Test
    void messageTypeOutsideTheFourKindsIsRejected() throws SQLException {
        int conversation = insertReturningId(conversation(alice, bob));
        assertViolates("chk_message_type", "INSERT INTO chat_messages (conversation_id, sender_id, message_type, file_url)"
                + " VALUES (" + conversation + ", " + alice + ", 'video', '/files/1')");
    }

    @Test
    void textMessageNeedsTextAndFileMessageNeedsFileUrl() throws SQLException {
        int conversation = insertReturningId(conversation(alice, bob));
        assertViolates("chk_message_content", "INSERT INTO chat_messages (conversation_id, sender_id, message_type)"
                + " VALUES (" + conversation + ", " + alice + ", 'text')");
        assertViolates("chk_message_content", "INSERT INTO chat_messages (conversation_id, sender_id, message_type, message_text)"
                + " VALUES (" + conversation + ", " + alice + ", 'image', 'caption only')");
        execute("INSERT INTO chat_messages (conversation_id, sender_id, message_text) VALUES (" + conversation + ", " + alice + ", 'hi')");
        execute("INSERT INTO chat_messages (conversation_id, sender_id, message_type, file_url)"
                + " VALUES (" + conversation + ", " + alice + ", 'audio', '/files/2')");
    }

    @Test
    void negativeMessageCountAndTotalDurationAreRejected() throws SQLException {
        assertViolates("chk_message_count", "INSERT INTO ai_chat_sessions (ai_session_id, user_id, title, message_count)"
                + " VALUES ('s-negative', " + alice + ", 'x', -1)");
        int session = insertReturningId("INSERT INTO ai_chat_sessions (ai_session_id, user_id, title)"
                + " VALUES ('s-1', " + alice + ", 'Riset')");
        assertViolates("chk_total_duration", "INSERT INTO ai_chat_logs (session_id, user_id, start_date, total_duration)"
                + " VALUES (" + session + ", " + alice + ", now(), -5)");
    }

    @Test
    void otherPlanChecksHold() throws SQLException {
        int session = insertReturningId("INSERT INTO ai_chat_sessions (ai_session_id, user_id, title)"
                + " VALUES ('s-2', " + alice + ", 'Riset')");
        assertViolates("chk_session_status", "UPDATE ai_chat_sessions SET status = 'gone' WHERE id = " + session);
        assertViolates("chk_ai_message_type", "INSERT INTO ai_chat_messages (session_id, message_type, content)"
                + " VALUES (" + session + ", 'system', 'x')");
        assertViolates("chk_chat_log_dates", "INSERT INTO ai_chat_logs (session_id, user_id, start_date, end_date)"
                + " VALUES (" + session + ", " + alice + ", '2026-01-02', '2026-01-01')");
        // unique per user (issue 15: a global key told one user that another's id exists)
        assertViolates("idx_ai_chat_sessions_user_ai_session_id", "INSERT INTO ai_chat_sessions (ai_session_id, user_id, title)"
                + " VALUES ('s-2', " + alice + ", 'again')");
        execute("INSERT INTO ai_chat_sessions (ai_session_id, user_id, title) VALUES ('s-2', " + bob + ", 'his own')");
        assertViolates("uq_users_email", "INSERT INTO users (fullname, email, password_hash) VALUES ('A', 'ALICE@example.com', 'h')");
        assertViolates("chk_users_role", "UPDATE users SET role = 'ROOT' WHERE id = " + alice);
    }

    @Test
    void deletingAUserRemovesTheirRowsFromEveryReferencingTable() throws SQLException {
        execute(education(2001));
        execute("INSERT INTO work_histories (user_id, job_title, company_name, start_date) VALUES (" + alice + ", 'Dosen', 'ITB', '2010-01-01')");
        execute("INSERT INTO research_journals (user_id, journal_title, publisher, journal_url)"
                + " VALUES (" + alice + ", 'Paper', 'IEEE', 'https://doi.org/10.1/x')");
        int conversation = insertReturningId(conversation(bob, alice));
        execute("INSERT INTO chat_messages (conversation_id, sender_id, message_text) VALUES (" + conversation + ", " + bob + ", 'from bob')");
        execute("INSERT INTO chat_messages (conversation_id, sender_id, message_text) VALUES (" + conversation + ", " + alice + ", 'from alice')");
        int session = insertReturningId("INSERT INTO ai_chat_sessions (ai_session_id, user_id, title) VALUES ('a-1', " + alice + ", 'x')");
        execute("INSERT INTO ai_chat_messages (session_id, message_type, content) VALUES (" + session + ", 'user', 'q')");
        execute("INSERT INTO ai_chat_logs (session_id, user_id, start_date) VALUES (" + session + ", " + alice + ", now())");
        execute("INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)"
                + " VALUES (" + alice + ", gen_random_uuid(), repeat('a', 64), now() + interval '1 day')");
        execute("INSERT INTO stored_files (id, owner_id, content_type, byte_size, sha256, data)"
                + " VALUES (gen_random_uuid(), " + alice + ", 'image/png', 1, repeat('b', 64), '\\x00')");
        execute("INSERT INTO consents (user_id, purpose) VALUES (" + alice + ", 'ai-processing')");
        // Bob keeps what is his alone.
        execute("INSERT INTO stored_files (id, owner_id, content_type, byte_size, sha256, data)"
                + " VALUES (gen_random_uuid(), " + bob + ", 'image/png', 1, repeat('c', 64), '\\x00')");
        execute("INSERT INTO education_histories (user_id, school_name, major, education_level, graduation_year)"
                + " VALUES (" + bob + ", 'ITB', 'Fisika', 'S1', 2005)");
        int bobSession = insertReturningId("INSERT INTO ai_chat_sessions (ai_session_id, user_id, title) VALUES ('b-1', " + bob + ", 'y')");
        execute("INSERT INTO ai_chat_messages (session_id, message_type, content) VALUES (" + bobSession + ", 'assistant', 'a')");

        execute("DELETE FROM users WHERE id = " + alice);

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("users", 1);
        expected.put("education_histories", 1);
        expected.put("work_histories", 0);
        expected.put("research_journals", 0);
        expected.put("conversations", 0);
        expected.put("chat_messages", 0);
        expected.put("ai_chat_sessions", 1);
        expected.put("ai_chat_messages", 1);
        expected.put("ai_chat_logs", 0);
        expected.put("refresh_tokens", 0);
        expected.put("stored_files", 1);
        expected.put("consents", 0);
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(tablesReachingUsers()), "every table that references users is checked");
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String table : expected.keySet()) {
            actual.put(table, count("SELECT count(*) FROM " + table));
        }
        assertEquals(expected, actual);
    }

    /** users plus every table whose rows hang off users through foreign keys, directly or not. */
    private Set<String> tablesReachingUsers() throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Connection c = TestDatabase.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("""
                     WITH RECURSIVE reach(t) AS (
                         SELECT 'users'::regclass
                         UNION
                         SELECT k.conrelid::regclass FROM pg_constraint k JOIN reach ON k.confrelid = reach.t WHERE k.contype = 'f')
                     SELECT t::text FROM reach""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private String education(int year) {
        return "INSERT INTO education_histories (user_id, school_name, major, education_level, graduation_year)"
                + " VALUES (" + alice + ", 'UGM', 'Informatika', 'S2', " + year + ")";
    }

    private static String conversation(int first, int second) {
        return "INSERT INTO conversations (participant1_id, participant2_id) VALUES (" + first + ", " + second + ")";
    }

    private static int insertUser(String email) throws SQLException {
        return insertReturningId("INSERT INTO users (fullname, email, password_hash) VALUES ('User', '" + email + "', 'hash')");
    }

    private static int insertReturningId(String insert) throws SQLException {
        return count(insert + " RETURNING id");
    }

    private static int count(String query) throws SQLException {
        try (Connection c = TestDatabase.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestDatabase.dataSource(database).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void assertViolates(String constraint, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> execute(sql), sql);
        PSQLException postgres = assertInstanceOf(PSQLException.class, e);
        assertEquals(constraint, postgres.getServerErrorMessage().getConstraint(), e.getMessage());
    }
}
