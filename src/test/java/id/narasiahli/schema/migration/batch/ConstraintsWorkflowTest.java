package id.narasiahli.schema.migration.batch;

import id.narasiahli.schema.quality.control.LintBaseline;
import id.narasiahli.schema.quality.control.LintFinding;
import id.narasiahli.schema.quality.control.MigrationLint;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.TestDatabase;
import liquibase.database.core.PostgresDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The zero-downtime constraints workflow on the plan's chat_messages (test-changelogs/constraints-*.sql/xml):
 * a new NOT NULL column derived from file_url (nullable column, trigger, batched backfill, NOT VALID check,
 * VALIDATE, SET NOT NULL, check dropped) and a unique constraint through a concurrently built index. It passes the
 * lint, ends in the intended schema with every old row backfilled and new rows kept right, and rolls back to the
 * schema it started from.
 */
class ConstraintsWorkflowTest {

    private static final String CHANGELOG = "test-changelogs/constraints-master.xml";
    private static final int WORKFLOW_CHANGESETS = 9;

    @Test
    void workflowPassesTheLintAppliesOnRowsInUseAndRollsBack() {
        List<LintFinding> findings = new MigrationLint(new PostgresDatabase(), LintBaseline.load(getClass().getClassLoader()))
                .lint(Changelogs.changesets(CHANGELOG), c -> c.getAuthor().equals("test"), Set.of());
        assertEquals(List.of(), findings);

        String db = TestDatabase.createDatabase("constraints");
        Changelogs.update(db);
        TestDatabase.execute(db, "INSERT INTO users (id, fullname, email, password_hash) VALUES"
                + " (1, 'A', 'a@x.test', 'h'), (2, 'B', 'b@x.test', 'h');"
                + " INSERT INTO conversations (id, participant1_id, participant2_id) VALUES (1, 1, 2);"
                + " INSERT INTO chat_messages (conversation_id, sender_id, message_type, message_text, file_url) VALUES"
                + " (1, 1, 'text', 'hi', NULL), (1, 2, 'text', 'hello', NULL), (1, 1, 'file', NULL, '/files/1'),"
                + " (1, 2, 'text', 'ok', NULL), (1, 1, 'image', NULL, '/files/2')");
        String before = schemaOf(db);

        Changelogs.update(db, CHANGELOG, Changelogs.PRODUCTION);

        assertEquals("NO", TestDatabase.queryValue(db, "SELECT is_nullable FROM information_schema.columns"
                + " WHERE table_name = 'chat_messages' AND column_name = 'has_attachment'"));
        assertEquals("2", TestDatabase.queryValue(db, "SELECT count(*) FROM chat_messages WHERE has_attachment"));
        assertEquals("3", TestDatabase.queryValue(db, "SELECT count(*) FROM chat_messages WHERE NOT has_attachment"));
        assertEquals("0", TestDatabase.queryValue(db, "SELECT count(*) FROM pg_constraint"
                + " WHERE conname = 'chk_chat_messages_has_attachment_not_null'"), "the helper check is gone");
        assertEquals("u", TestDatabase.queryValue(db, "SELECT contype FROM pg_constraint WHERE conname = 'uq_chat_messages_conversation_message'"));
        assertEquals("5", TestDatabase.queryValue(db, "SELECT rows_done FROM schema_batch_progress WHERE table_name = 'chat_messages'"));
        TestDatabase.execute(db, "INSERT INTO chat_messages (conversation_id, sender_id, message_type, file_url) VALUES (1, 2, 'file', '/files/3')");
        assertEquals("t", TestDatabase.queryValue(db, "SELECT has_attachment FROM chat_messages WHERE file_url = '/files/3'"),
                "a row written by a version that knows nothing of the column");

        Changelogs.rollbackCount(db, CHANGELOG, WORKFLOW_CHANGESETS);
        TestDatabase.execute(db, "DELETE FROM chat_messages WHERE file_url = '/files/3'");
        assertEquals(before, schemaOf(db));
        assertEquals("0", TestDatabase.queryValue(db, "SELECT count(*) FROM schema_batch_progress"));
    }

    /** Columns, constraints, indexes, triggers and functions of the public schema, one line each. */
    private static String schemaOf(String db) {
        return TestDatabase.queryValue(db, """
                SELECT string_agg(line, E'\\n' ORDER BY line) FROM (
                  SELECT 'column ' || table_name || '.' || column_name || ' ' || is_nullable AS line
                    FROM information_schema.columns WHERE table_schema = 'public'
                  UNION ALL SELECT 'constraint ' || conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                   WHERE n.nspname = 'public'
                  UNION ALL SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = 'public'
                  UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
                  UNION ALL SELECT 'function ' || proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'public') lines""");
    }
}
