package id.narasiahli.schema;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.SchemaSnapshot;
import id.narasiahli.testsupport.database.TestDatabase;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every changeset rolls back cleanly, alone and all together, in the plan's rollback order. */
class RollbackIT {

    private static final int CHANGESETS = Changelogs.productionChangesets().size();

    @Test
    void rollingEverythingBackRemovesThePlanAndReapplyingRestoresTheSameSchema() {
        String database = TestDatabase.createDatabase("round_trip");
        Changelogs.update(database);
        List<String> first = SchemaSnapshot.of(database);
        assertFalse(first.isEmpty());

        Changelogs.rollbackCount(database, CHANGESETS);
        assertEquals(List.of(), SchemaSnapshot.of(database), "no table, column, index, constraint or sequence of the plan remains");

        Changelogs.update(database);
        assertEquals(first, SchemaSnapshot.of(database));
    }

    @Test
    void eachChangesetRollsBackToThePreviousSchemaAndReapplies() {
        String database = TestDatabase.createDatabase("step_by_step");
        for (ChangeSet changeSet : Changelogs.productionChangesets()) {
            List<String> before = SchemaSnapshot.of(database);
            Changelogs.updateCount(database, 1);
            List<String> applied = SchemaSnapshot.of(database);
            assertTrue(!applied.equals(before), changeSet + " changed nothing");

            Changelogs.rollbackCount(database, 1);
            assertEquals(before, SchemaSnapshot.of(database), "rollback of " + changeSet);

            Changelogs.updateCount(database, 1);
            assertEquals(applied, SchemaSnapshot.of(database), "re-applying " + changeSet);
        }
    }

    /**
     * The plan's rollback: AI chat, then communication, journals, work, education tables, then the users
     * columns, then the baseline. Tables added after the plan are dropped first (they depend on users).
     */
    @Test
    void fullRollbackFollowsThePlansReverseOrder() {
        String database = TestDatabase.createDatabase("rollback_order");
        Changelogs.update(database);
        String sql = Changelogs.rollbackCountSql(database, CHANGESETS);

        List<String> plan = List.of("ai_chat_logs", "ai_chat_messages", "ai_chat_sessions", "chat_messages", "conversations",
                "research_journals", "work_histories", "education_histories", "users");
        List<String> dropped = Pattern.compile("DROP TABLE IF EXISTS (\\w+)").matcher(sql).results()
                .map(m -> m.group(1)).filter(plan::contains).toList();
        assertEquals(plan, dropped);
        int lastNonPlanDrop = Pattern.compile("DROP (TABLE|INDEX CONCURRENTLY) IF EXISTS (\\w+)").matcher(sql).results()
                .filter(m -> !plan.contains(m.group(2))).mapToInt(java.util.regex.MatchResult::start).max().orElse(-1);
        assertTrue(lastNonPlanDrop < sql.indexOf("DROP TABLE IF EXISTS ai_chat_logs"), "additions are rolled back before the plan");
        Matcher columns = Pattern.compile("ALTER TABLE users DROP COLUMN IF EXISTS degree, DROP COLUMN IF EXISTS whatsapp_number,"
                + " DROP COLUMN IF EXISTS last_job_title").matcher(sql);
        assertTrue(columns.find(), sql);
        assertTrue(columns.start() > sql.indexOf("DROP TABLE IF EXISTS education_histories")
                && columns.start() < sql.indexOf("DROP TABLE IF EXISTS users"), "users columns go after the new tables");
    }
}
