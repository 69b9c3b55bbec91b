package id.narasiahli.schema.cli;

import id.narasiahli.schema.PlanSchemaIT;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.SchemaSnapshot;
import id.narasiahli.testsupport.database.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator command line, run as its own process on a real PostgreSQL: what it reports, changes and refuses. */
class SchemaCommandIT {

    /** How many production changesets a rollback undoes to reach create_schema_backups (it and those after it). */
    private static final int FROM_BACKUPS_ON = Changelogs.productionChangesets().size() - Changelogs.productionChangesets().stream()
            .map(c -> c.getId()).toList().indexOf("20261201200400_create_schema_backups");

    private static final List<String> PRODUCTION = Changelogs.productionChangesets().stream()
            .map(c -> c.getFilePath() + "::" + c.getId() + "::" + c.getAuthor()).toList();

    @Test
    void statusOnAnEmptyDatabaseListsEveryChangesetAsPendingAndExits3() {
        String database = TestDatabase.createDatabase("cli_status");
        SchemaCli.Result status = SchemaCli.run(database, "status", "--json");
        assertEquals(3, status.exit(), status.toString());
        JsonObject json = SchemaCli.json(status);
        assertEquals(PRODUCTION, json.getJsonArray("pending").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(0, json.getInt("appliedCount"));
        assertNull(TestDatabase.queryValue(database, "SELECT to_regclass('databasechangelog')::text"), "status wrote nothing");

        SchemaCli.Result human = SchemaCli.run(database, "status");
        assertEquals(3, human.exit(), human.toString());
        assertTrue(human.out().contains("Pending     " + PRODUCTION.size()), human.toString());
    }

    @Test
    void updateAppliesTheWholePlanOnceAndASecondUpdateAppliesNothing() throws IOException {
        String database = TestDatabase.createDatabase("cli_update");
        SchemaCli.Result update = SchemaCli.run(database, "update");
        assertEquals(0, update.exit(), update.toString());
        PRODUCTION.forEach(ref -> assertTrue(update.out().contains("applied  " + ref.split("::")[1]), ref + "\n" + update));
        assertEquals(PlanSchemaIT.expected(), SchemaSnapshot.text(database));
        assertEquals(Integer.toString(PRODUCTION.size()), TestDatabase.queryValue(database,
                "SELECT count(*) FROM schema_changeset_durations WHERE applied_by = 'command-line'"));

        SchemaCli.Result again = SchemaCli.run(database, "update", "--json");
        assertEquals(0, again.exit(), again.toString());
        assertEquals(0, SchemaCli.json(again).getJsonArray("applied").size());
        assertEquals(Integer.toString(PRODUCTION.size()), TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));
        assertEquals("SUCCEEDED", TestDatabase.queryValue(database,
                "SELECT outcome FROM schema_operation_audit WHERE operation = 'update' ORDER BY id DESC LIMIT 1"));
        assertTrue(TestDatabase.queryValue(database, "SELECT actor_name FROM schema_operation_audit ORDER BY id DESC LIMIT 1")
                .startsWith(System.getProperty("user.name") + "@"));

        SchemaCli.Result status = SchemaCli.run(database, "status");
        assertEquals(0, status.exit(), status.toString());
        SchemaCli.Result history = SchemaCli.run(database, "history", "--json");
        assertEquals(0, history.exit(), history.toString());
        assertEquals(PRODUCTION.size(), SchemaCli.json(history).getJsonArray("applied").size());
        assertTrue(SchemaCli.json(history).getJsonArray("applied").getJsonObject(0).getJsonNumber("durationMs") != null, history.out());
    }

    @Test
    void updateSqlPrintsTheChangesetsAndWritesNothing() {
        String database = TestDatabase.createDatabase("cli_update_sql");
        SchemaCli.Result sql = SchemaCli.run(database, "update-sql");
        assertEquals(0, sql.exit(), sql.toString());
        assertTrue(sql.out().contains("CREATE TABLE users"), sql.out());
        assertNull(TestDatabase.queryValue(database, "SELECT to_regclass('databasechangelog')::text"));
        assertNull(TestDatabase.queryValue(database, "SELECT to_regclass('users')::text"));

        SchemaCli.run(database, "update", "--count", "3");
        String recorded = TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog");
        SchemaCli.Result rest = SchemaCli.run(database, "update-sql", "--json");
        assertEquals(0, rest.exit(), rest.toString());
        assertEquals(PRODUCTION.size() - 3, SchemaCli.json(rest).getJsonArray("changesets").size());
        assertEquals(recorded, TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void rollbackRunsOnlyWithThePreviewsTokenAndRefusesAStaleOne() {
        String database = TestDatabase.createDatabase("cli_rollback");
        assertEquals(0, SchemaCli.run(database, "update").exit());
        String applied = TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog");

        SchemaCli.Result unconfirmed = SchemaCli.run(database, "rollback", "--count", Integer.toString(FROM_BACKUPS_ON));
        assertEquals(1, unconfirmed.exit(), unconfirmed.toString());
        assertTrue(unconfirmed.out().contains("DROP TABLE IF EXISTS schema_backups"), unconfirmed.out());
        assertTrue(unconfirmed.out().contains("nothing was rolled back"), unconfirmed.out());
        assertEquals(applied, TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));
        assertEquals("schema_backups", TestDatabase.queryValue(database, "SELECT to_regclass('schema_backups')::text"));

        String n = Integer.toString(FROM_BACKUPS_ON);
        String stale = SchemaCli.field(SchemaCli.run(database, "rollback-sql", "--count", n, "--json").out(), "confirmationToken");
        assertEquals(0, SchemaCli.run(database, "tag", "before-rollback").exit());
        SchemaCli.Result refused = SchemaCli.run(database, "rollback", "--count", n, "--confirm", stale);
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("the database changed since the preview"), refused.toString());
        assertEquals(applied, TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));

        String token = SchemaCli.field(SchemaCli.run(database, "rollback", "--count", n, "--json").out(), "confirmationToken");
        SchemaCli.Result confirmed = SchemaCli.run(database, "rollback", "--count", n, "--confirm", token, "--json");
        assertEquals(0, confirmed.exit(), confirmed.toString());
        assertEquals(Integer.toString(Integer.parseInt(applied) - FROM_BACKUPS_ON), TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));
        assertNull(TestDatabase.queryValue(database, "SELECT to_regclass('schema_backups')::text"));

        SchemaCli.Result reused = SchemaCli.run(database, "rollback", "--count", n, "--confirm", token);
        assertEquals(1, reused.exit(), reused.toString());
        assertEquals(Integer.toString(Integer.parseInt(applied) - FROM_BACKUPS_ON), TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void rollingBackTheBaselineInProductionNeedsItsOwnFlag() {
        String database = TestDatabase.createDatabase("cli_baseline");
        assertEquals(0, SchemaCli.run(database, "update").exit());
        String token = SchemaCli.field(SchemaCli.run(database, "rollback-sql", "--count", Integer.toString(PRODUCTION.size()),
                "--json").out(), "confirmationToken");
        SchemaCli.Result refused = SchemaCli.run(database, "rollback", "--count", Integer.toString(PRODUCTION.size()), "--confirm", token);
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("--allow-destructive-baseline"), refused.toString());
        assertEquals("users", TestDatabase.queryValue(database, "SELECT to_regclass('users')::text"));
    }

    /**
     * In the production contexts (the default) a command that connects with a password asks for it again before a
     * rollback: refused without it (exit 2) and with a wrong one (exit 1), the token still unspent; the right one rolls back.
     */
    @Test
    void aRollbackInProductionAsksForTheDatabasePasswordAgain() {
        String database = TestDatabase.createDatabase("cli_reauth");
        String password = "s3cret-for-the-test";
        assertEquals(0, SchemaCli.runWithPassword(database, password, null, "update").exit());
        String token = SchemaCli.field(SchemaCli.runWithPassword(database, password, null, "rollback-sql", "--count", "1", "--json").out(),
                "confirmationToken");

        SchemaCli.Result noPassword = SchemaCli.runWithPassword(database, password, null, "rollback", "--count", "1", "--confirm", token);
        assertEquals(2, noPassword.exit(), noPassword.toString());
        assertTrue(noPassword.err().contains("--password-stdin"), noPassword.toString());
        SchemaCli.Result wrong = SchemaCli.runWithPassword(database, password, "not-it\n", "rollback", "--count", "1", "--confirm", token,
                "--password-stdin");
        assertEquals(1, wrong.exit(), wrong.toString());
        assertTrue(wrong.err().contains("is not the one this command connects with"), wrong.toString());
        assertEquals("cli_notes_remark", TestDatabase.queryValue(database,
                "SELECT id FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1"), "nothing rolled back");

        SchemaCli.Result right = SchemaCli.runWithPassword(database, password, password + "\n", "rollback", "--count", "1",
                "--confirm", token, "--password-stdin");
        assertEquals(0, right.exit(), right.toString());
        assertEquals("cli_notes", TestDatabase.queryValue(database,
                "SELECT id FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1"), "the same token, now with the password");
    }

    @Test
    void droppedTableAndColumnComeBackWithRestoreBackupAfterTheUpdate() {
        String database = TestDatabase.createDatabase("cli_restore");
        assertEquals(0, SchemaCli.runWithTestChangelogs(database, "update").exit());
        TestDatabase.execute(database, "INSERT INTO cli_notes (body, remark) SELECT 'note ' || g, 'remark ' || g FROM generate_series(1, 25) g");
        String before = TestDatabase.queryValue(database, "SELECT string_agg(id || ':' || body || ':' || remark, ',' ORDER BY id) FROM cli_notes");

        String token = SchemaCli.field(SchemaCli.runWithTestChangelogs(database, "rollback-sql", "--count", "2", "--json").out(),
                "confirmationToken");
        SchemaCli.Result rollback = SchemaCli.runWithTestChangelogs(database, "rollback", "--count", "2", "--confirm", token, "--json");
        assertEquals(0, rollback.exit(), rollback.toString());
        assertNull(TestDatabase.queryValue(database, "SELECT to_regclass('cli_notes')::text"));
        List<JsonObject> backups = SchemaCli.json(rollback).getJsonArray("backups").getValuesAs(JsonObject.class);
        assertEquals(List.of("column", "table"), backups.stream().map(b -> b.getString("kind")).toList());
        backups.forEach(b -> assertEquals(25, b.getJsonNumber("rowCount").intValue()));
        long tableBackup = backups.get(1).getJsonNumber("id").longValue();
        long columnBackup = backups.get(0).getJsonNumber("id").longValue();

        SchemaCli.Result tooEarly = SchemaCli.run(database, "restore-backup", Long.toString(tableBackup));
        assertEquals(1, tooEarly.exit(), tooEarly.toString());
        assertTrue(tooEarly.err().contains("does not exist now"), tooEarly.toString());

        assertEquals(0, SchemaCli.runWithTestChangelogs(database, "update").exit());
        assertEquals("0", TestDatabase.queryValue(database, "SELECT count(*) FROM cli_notes"));
        assertEquals(0, SchemaCli.run(database, "restore-backup", Long.toString(tableBackup)).exit());
        SchemaCli.Result column = SchemaCli.run(database, "restore-backup", Long.toString(columnBackup));
        assertEquals(0, column.exit(), column.toString());
        assertEquals(before, TestDatabase.queryValue(database,
                "SELECT string_agg(id || ':' || body || ':' || remark, ',' ORDER BY id) FROM cli_notes"));
        assertEquals("26", TestDatabase.queryValue(database, "INSERT INTO cli_notes (body) VALUES ('after') RETURNING id"),
                "the sequence moved past the restored rows");

        SchemaCli.Result listed = SchemaCli.run(database, "backups", "--json");
        assertEquals(0, listed.exit(), listed.toString());
        assertEquals(25, SchemaCli.json(listed).getJsonArray("backups").getJsonObject(0).getJsonNumber("restoredRows").intValue());

        String past = SchemaCli.field(SchemaCli.runWithTestChangelogs(database, "rollback-sql", "--count", Integer.toString(2 + FROM_BACKUPS_ON), "--json").out(),
                "confirmationToken");
        SchemaCli.Result refused = SchemaCli.runWithTestChangelogs(database, "rollback", "--count", Integer.toString(2 + FROM_BACKUPS_ON), "--confirm", past);
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("could not keep 2 table-level backups kept in narasi_backup"), refused.toString());
        assertEquals("26", TestDatabase.queryValue(database, "SELECT count(*) FROM cli_notes"), "nothing was rolled back");
    }

    /** The command's audit row is there while it runs (STARTED, the OS user as actor) and completed in place after. */
    @Test
    void theAuditRowIsWrittenBeforeTheUpdateRunsAndCompletedAfter() throws Exception {
        String database = TestDatabase.createDatabase("cli_audit_first");
        assertEquals(0, SchemaCli.runWithTestChangelogs(database, "update", "--count", Integer.toString(PRODUCTION.size() + 1)).exit());
        String before = TestDatabase.queryValue(database, "SELECT max(id) FROM schema_operation_audit");
        String query = "SELECT (SELECT outcome || ' ' || actor_name FROM schema_operation_audit WHERE id > " + before + ")";
        CompletableFuture<SchemaCli.Result> update;
        String started;
        try (Connection holder = TestDatabase.dataSource(database).getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE cli_notes IN ACCESS SHARE MODE"); // cli_notes_remark's ALTER TABLE waits for it
            update = CompletableFuture.supplyAsync(() -> SchemaCli.runWithTestChangelogs(database, "update"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            started = TestDatabase.queryValue(database, query);
            while (started == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
                started = TestDatabase.queryValue(database, query);
            }
            assertFalse(update.isDone(), "the update waits for the lock on cli_notes");
            holder.rollback();
        }
        assertEquals("STARTED " + System.getProperty("user.name") + "@", started == null ? null : started.substring(0, started.indexOf('@') + 1));
        SchemaCli.Result done = update.get(60, TimeUnit.SECONDS);
        assertEquals(0, done.exit(), done.toString());
        assertEquals("SUCCEEDED", TestDatabase.queryValue(database, "SELECT outcome FROM schema_operation_audit WHERE id > " + before));
    }

    @Test
    void validateAfterAnAppliedChangesetsChecksumChangedExits3NamingIt() {
        String database = TestDatabase.createDatabase("cli_validate");
        assertEquals(0, SchemaCli.run(database, "update").exit());
        assertEquals(0, SchemaCli.run(database, "validate").exit());
        TestDatabase.execute(database, "UPDATE databasechangelog SET md5sum = '9:00000000000000000000000000000000'"
                + " WHERE id = '20261121100300_create_work_histories'");
        SchemaCli.Result validate = SchemaCli.run(database, "validate");
        assertEquals(3, validate.exit(), validate.toString());
        assertTrue(validate.out().contains("20261121100300_create_work_histories"), validate.toString());
        assertEquals(3, SchemaCli.run(database, "status").exit());
        SchemaCli.Result update = SchemaCli.run(database, "update");
        assertEquals(1, update.exit(), "an invalid changelog changes nothing\n" + update);
    }

    @Test
    void usageErrorsExit2() {
        String database = TestDatabase.createDatabase("cli_usage");
        assertEquals(2, SchemaCli.run(database, "update", "--count", "1", "--to-tag", "x").exit());
        assertEquals(2, SchemaCli.run(database, "no-such-command").exit());
        assertEquals(2, SchemaCli.run(database, "rollback").exit());
        assertEquals(2, SchemaCli.run(database, "update", "--count", "999").exit());
        SchemaCli.Result help = SchemaCli.run(database, "help", "rollback");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("--confirm=TOKEN"), help.out());
    }

    @Test
    void lintChecksAChangelogFileOnDiskAndExits3OnAnError(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("unsafe.sql");
        Files.writeString(file, """
                --liquibase formatted sql

                --changeset team:1
                CREATE TABLE notes (id INT PRIMARY KEY);
                --rollback DROP TABLE notes;

                --changeset team:2
                CREATE INDEX idx_notes_id ON notes (id);
                --rollback DROP INDEX idx_notes_id;
                """);
        SchemaCli.Result lint = SchemaCli.exec(java.util.Map.of(), false, "lint", "--changelog", file.toString());
        assertEquals(3, lint.exit(), lint.toString());
        assertTrue(lint.out().contains("index-without-concurrently"), lint.toString());

        String database = TestDatabase.createDatabase("cli_lint");
        SchemaCli.Result project = SchemaCli.run(database, "lint", "--all");
        assertEquals(0, project.exit(), project.toString());
    }

    @Test
    void driftNamesATableTheChangelogDoesNotMakeAndExits3() {
        String database = TestDatabase.createDatabase("cli_drift");
        assertEquals(0, SchemaCli.run(database, "update").exit());
        assertEquals(0, SchemaCli.run(database, "drift").exit());
        TestDatabase.execute(database, "CREATE TABLE hand_made (id INT PRIMARY KEY)");
        SchemaCli.Result drift = SchemaCli.run(database, "drift", "--json");
        assertEquals(3, drift.exit(), drift.toString());
        assertTrue(drift.out().contains("\"name\":\"hand_made\""), drift.out());
    }

    @Test
    void markAppliedAdoptsADatabaseAndMarkRevertedForgetsOneChangeset() {
        String database = TestDatabase.createDatabase("cli_mark");
        SchemaCli.Result marked = SchemaCli.run(database, "mark-applied");
        assertEquals(0, marked.exit(), marked.toString());
        assertEquals(Integer.toString(PRODUCTION.size()), TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));
        assertNull(TestDatabase.queryValue(database, "SELECT to_regclass('users')::text"), "nothing ran");

        SchemaCli.Result reverted = SchemaCli.run(database, "mark-reverted", "20261201200400_create_schema_backups");
        assertEquals(0, reverted.exit(), reverted.toString());
        SchemaCli.Result status = SchemaCli.run(database, "status", "--json");
        assertEquals(3, status.exit());
        assertEquals(1, SchemaCli.json(status).getInt("pendingCount"));
    }
}
