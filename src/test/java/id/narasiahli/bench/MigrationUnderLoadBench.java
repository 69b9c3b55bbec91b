package id.narasiahli.bench;

import id.narasiahli.conversations.control.MessageCursor;
import id.narasiahli.observability.control.MigrationEvents;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.liquibase.MigrationLock;
import id.narasiahli.schema.migration.control.ChangesetTimer;
import id.narasiahli.schema.migration.control.LockRetry;
import id.narasiahli.schema.quality.control.LintBaseline;
import id.narasiahli.schema.quality.control.MigrationLint;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import liquibase.database.core.PostgresDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: a measurement, run only by {@code mvn -B -Pbench verify -Dit.test=MigrationUnderLoadBench
 * -Dnarasi.it.skip-operations=true} (src/site/markdown/zero-downtime.md, "Measured under load"). Fills chat_messages
 * with {@code bench.rows} rows (default 10,000,000, generate_series in the database) in {@code bench.conversations}
 * conversations of one user, then, while {@code bench.clients} clients each send a request every
 * {@code bench.intervalMs} to the running server (newest history page, a page deep in the history, a new message,
 * marking older messages read: reads, inserts, and updates of existing rows), applies the safe sequence of
 * test-changelogs/bench-zero-downtime.xml one step (context) at a time with the runner's own code (LiquibaseSession,
 * MigrationLock, LockRetry, BatchedDataChange, from this JVM as a second instance's startup would): expand with a
 * trigger, batched backfill, NOT VALID check, VALIDATE, SET NOT NULL, CREATE INDEX CONCURRENTLY, NOT VALID foreign
 * key, VALIDATE. Then, as the reference in the same run, on columns and names of their own, the naive forms: one
 * UPDATE of every row, SET NOT NULL with its full scan, plain CREATE INDEX, plain ADD FOREIGN KEY. Each step has its
 * own load phase. Prints per phase requests, failed requests, p50/p99, step time, and a summary of each side. Asserts
 * only that the changelog passes the lint, that no request failed before or during the safe sequence, and the end
 * state (every row backfilled, columns NOT NULL, indexes valid, foreign keys validated); removes what it added.
 */
class MigrationUnderLoadBench {

    private static final int ROWS = Integer.getInteger("bench.rows", 10_000_000);
    private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 1_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 6);
    private static final int INTERVAL_MS = Integer.getInteger("bench.intervalMs", 100);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 60);
    private static final int BEFORE_SECONDS = Integer.getInteger("bench.before", 30);
    /** A pause between two steps, in a phase of its own, so that one step's stragglers are not the next one's. */
    private static final int SETTLE_SECONDS = Integer.getInteger("bench.settle", 3);
    private static final String CHANGELOG = "test-changelogs/bench-zero-downtime.xml";
    private static final LocalDateTime FIRST_MESSAGE = LocalDateTime.of(2026, 1, 1, 0, 0);
    /** Each mark-read request marks the next 100 messages of a conversation (every tenth one of them unread). */
    private static final int MARK_STEP = 100;
    private static final Duration TOKEN_AGE = Duration.ofMinutes(5);

    /** One step of a side: its phase name and what it runs. */
    private record Step(String name, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** What a side's steps measured. */
    private record Side(Load.Figures before, List<Load.Figures> steps, List<Double> seconds, List<Boolean> vacuumAtStart,
                        Load.Figures during) {
        double total() {
            return seconds.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private static final List<Step> SAFE = List.of(
            runner("expand", "bench-expand"),
            runner("backfill", "bench-backfill"),
            runner("check not valid", "bench-check"),
            runner("validate check", "bench-validate"),
            runner("set not null", "bench-not-null"),
            runner("index concurr.", "bench-index"),
            runner("fk not valid", "bench-fk"),
            runner("validate fk", "bench-fk-validate"));

    private static final List<Step> NAIVE = List.of(
            new Step("one UPDATE", () -> {
                execute("ALTER TABLE chat_messages ADD COLUMN has_attachment_naive BOOLEAN");
                execute("""
                        CREATE OR REPLACE FUNCTION bench_chat_messages_set_has_attachment_naive() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            NEW.has_attachment_naive := NEW.file_url IS NOT NULL;
                            RETURN NEW;
                        END $$""");
                execute("CREATE TRIGGER trg_bench_chat_messages_has_attachment_naive BEFORE INSERT OR UPDATE OF file_url ON chat_messages"
                        + " FOR EACH ROW EXECUTE FUNCTION bench_chat_messages_set_has_attachment_naive()");
                execute("UPDATE chat_messages SET has_attachment_naive = (file_url IS NOT NULL)");
            }),
            new Step("set not null", () -> execute("ALTER TABLE chat_messages ALTER COLUMN has_attachment_naive SET NOT NULL")),
            new Step("create index", () -> execute(
                    "CREATE INDEX idx_bench_chat_messages_sender_created_naive ON chat_messages (sender_id, created_at)")),
            new Step("add fk", () -> execute("ALTER TABLE chat_messages ADD CONSTRAINT fk_bench_chat_messages_sender_naive"
                    + " FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE CASCADE")));

    private final int perConversation = ROWS / CONVERSATIONS;
    private final AtomicLong marks = new AtomicLong();
    private Api.User ani;
    private long tokenAt;
    private int[] conversations;
    private long firstId;

    @Test
    void safeSequenceUnderLoadAgainstTheNaiveForms() throws Exception {
        assertEquals(List.of(), new MigrationLint(new PostgresDatabase(), LintBaseline.load(getClass().getClassLoader()))
                .lint(Changelogs.changesets(CHANGELOG), c -> true, Set.of("chat_messages", "users", "conversations")),
                "the lint finds nothing in the safe sequence");
        ani = SharedServer.api().newUser("Ani Bench");
        tokenAt = System.nanoTime();
        long fill = System.nanoTime();
        fill();
        double fillSeconds = seconds(fill);
        System.out.printf("%nFilled chat_messages with %,d rows (%,d conversations of %,d) and vacuumed it in %.0f s; load average %s%n",
                (long) perConversation * CONVERSATIONS, CONVERSATIONS, perConversation, fillSeconds, Wrk.loadAverage());

        long run = System.nanoTime();
        Side safe;
        Side naive;
        double vacuum;
        List<Load.Figures> settles;
        try {
            try (Load load = Load.start(CLIENTS, Duration.ofMillis(INTERVAL_MS), this::request)) {
                pause(WARMUP_SECONDS);
                safe = side(load, "safe", SAFE);
                load.phase("vacuum");
                long start = System.nanoTime();
                execute("VACUUM (ANALYZE) chat_messages");
                vacuum = seconds(start);
                naive = side(load, "naive", NAIVE);
                load.phase("after");
                pause(5);
                settles = List.of(load.figures("safe settle"), load.figures("naive settle"));
            }
            print(safe, naive, vacuum, settles, seconds(run));

            // messages sent after the backfill have it from the trigger
            assertEquals(0L, ApiDatabase.count("SELECT count(*) FROM chat_messages WHERE has_attachment IS NULL OR has_attachment_naive IS NULL"),
                    "every row backfilled both ways");
            assertEquals(0, safe.before().failed() + safe.during().failed() + settles.get(0).failed(),
                    "no request failed before, during or between the steps of the safe sequence");
            for (String column : List.of("has_attachment", "has_attachment_naive")) {
                assertEquals("NO", ApiDatabase.rows("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'chat_messages'"
                        + " AND column_name = ?", column).get(0).get(0), column + " is NOT NULL");
            }
            assertEquals(0L, ApiDatabase.count("SELECT count(*) FROM pg_constraint WHERE conname = 'chk_bench_has_attachment_not_null'"),
                    "the helper check is gone");
            for (String index : List.of("idx_bench_chat_messages_sender_created", "idx_bench_chat_messages_sender_created_naive")) {
                assertEquals(List.of(List.of(true)), ApiDatabase.rows("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                        + " WHERE c.relname = ?", index), index + " exists and is valid");
            }
            for (String fk : List.of("fk_bench_chat_messages_sender", "fk_bench_chat_messages_sender_naive")) {
                assertEquals(List.of(List.of(true)), ApiDatabase.rows("SELECT convalidated FROM pg_constraint WHERE conname = ?", fk),
                        fk + " exists and is validated");
            }
        } finally {
            cleanUp();
        }
        assertEquals(0L, ApiDatabase.count("SELECT (SELECT count(*) FROM information_schema.columns WHERE table_name = 'chat_messages'"
                + " AND column_name LIKE 'has_attachment%') + (SELECT count(*) FROM pg_class WHERE relname LIKE 'idx_bench_%')"
                + " + (SELECT count(*) FROM pg_constraint WHERE conname LIKE '%_bench_%') + (SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'trg_bench_%')"
                + " + (SELECT count(*) FROM pg_proc WHERE proname LIKE 'bench_%') + (SELECT count(*) FROM databasechangelog WHERE filename = ?)"
                + " + (SELECT count(*) FROM schema_batch_progress WHERE table_name = 'chat_messages')", CHANGELOG),
                "nothing the bench added is left but its rows");
    }

    /** A side: its baseline, then each step in a phase of its own, a short settle after each. */
    private static Side side(Load load, String side, List<Step> steps) throws Exception {
        load.phase(side + " before");
        pause(BEFORE_SECONDS);
        List<Double> seconds = new ArrayList<>();
        List<Boolean> vacuum = new ArrayList<>();
        for (Step step : steps) {
            // an autovacuum of the table gives way to a DDL that waits for its lock only after deadlock_timeout (1 s)
            vacuum.add(ApiDatabase.count("SELECT count(*) FROM pg_stat_progress_vacuum WHERE relid = 'chat_messages'::regclass") > 0);
            load.phase(side + " " + step.name());
            long start = System.nanoTime();
            step.action().run();
            seconds.add(seconds(start));
            load.phase(side + " settle");
            pause(SETTLE_SECONDS);
        }
        String[] names = steps.stream().map(step -> side + " " + step.name()).toArray(String[]::new);
        return new Side(load.figures(side + " before"), Arrays.stream(names).map(load::figures).toList(), seconds, vacuum,
                load.figures(names));
    }

    private static void printSide(String name, Side side, List<Step> steps, Load.Figures settles) {
        System.out.println(side.before().line(name + " before"));
        for (int i = 0; i < steps.size(); i++) {
            System.out.println(side.steps().get(i).line(name + " " + steps.get(i).name(), String.format("   step %.1f s%s", side.seconds().get(i),
                    side.vacuumAtStart().get(i) ? " (autovacuum of chat_messages running at its start)" : "")));
        }
        System.out.println(side.during().line(name + " all steps"));
        System.out.println(settles.line(name + " settles"));
    }

    private void print(Side safe, Side naive, double vacuum, List<Load.Figures> settles, double runSeconds) {
        System.out.printf("%nThe zero-downtime sequence and its naive forms on %,d rows under load: %d clients, one request each every %d ms"
                        + " (newest page, deep page, send, mark read in turn); latency on the client, over HTTP; load average %s%n",
                (long) perConversation * CONVERSATIONS, CLIENTS, INTERVAL_MS, Wrk.loadAverage());
        printSide("safe", safe, SAFE, settles.get(0));
        printSide("naive", naive, NAIVE, settles.get(1));
        System.out.printf("  VACUUM between the sides %.1f s; the measured part of the run (warm-up to end) %.0f s%n", vacuum, runSeconds);
        System.out.printf("  summary safe: %d requests during the migration, %d failed; p50 before %.2f ms, during %.2f ms;"
                        + " p99 before %.2f ms, during %.2f ms (ratio %.2f, goal <= 2); migration time %.1f s%n",
                safe.during().requests(), safe.during().failed(), safe.before().p50(), safe.during().p50(),
                safe.before().p99(), safe.during().p99(), safe.during().p99() / safe.before().p99(), safe.total());
        System.out.printf("  summary naive: %d requests during the migration, %d failed; p50 before %.2f ms, during %.2f ms;"
                        + " p99 before %.2f ms, during %.2f ms (ratio %.2f); migration time %.1f s%n%n",
                naive.during().requests(), naive.during().failed(), naive.before().p50(), naive.during().p50(),
                naive.before().p99(), naive.during().p99(), naive.during().p99() / naive.before().p99(), naive.total());
    }

    /** Users, conversations and messages, in the database; message ids follow (conversation, position) so they are computed. */
    private void fill() throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ApiDatabase.execute("INSERT INTO users (fullname, email, password_hash) SELECT 'Bench ' || g, 'bench-' || ? || '-' || g"
                + " || '@example.com', 'not-a-hash' FROM generate_series(1, ?) g", tag, CONVERSATIONS);
        ApiDatabase.execute("INSERT INTO conversations (participant1_id, participant2_id, last_message_at) SELECT ?, u.id,"
                + " TIMESTAMP '2026-01-01 00:00:00' FROM users u WHERE u.email LIKE 'bench-' || ? || '-%' ORDER BY u.id", ani.id(), tag);
        conversations = ApiDatabase.rows("SELECT id FROM conversations WHERE participant1_id = ? ORDER BY id", ani.id()).stream()
                .mapToInt(row -> ((Number) row.get(0)).intValue()).toArray();
        // one statement, rows in generate_series order, so ids are consecutive: position p of conversation k is first + k * M + p - 1
        ApiDatabase.execute("""
                WITH c AS (SELECT array_agg(id ORDER BY id) ids, array_agg(participant2_id ORDER BY id) others
                             FROM conversations WHERE participant1_id = ?)
                INSERT INTO chat_messages (conversation_id, sender_id, message_text, message_type, is_read, created_at)
                SELECT c.ids[g / ? + 1], CASE WHEN g % 2 = 0 THEN ? ELSE c.others[g / ? + 1] END, 'Pesan nomor ' || g, 'text',
                       g % 10 <> 1, TIMESTAMP '2026-01-01 00:00:00' + (g % ?) * INTERVAL '1 second'
                  FROM c, generate_series(0, ? - 1) g""",
                ani.id(), perConversation, ani.id(), perConversation, perConversation, perConversation * CONVERSATIONS);
        firstId = ApiDatabase.count("SELECT min(id) FROM chat_messages WHERE conversation_id = ?", conversations[0]);
        for (int k : new int[]{0, CONVERSATIONS / 2, CONVERSATIONS - 1}) {
            for (int position : new int[]{1, perConversation}) {
                List<Object> row = ApiDatabase.rows("SELECT conversation_id, created_at FROM chat_messages WHERE id = ?",
                        id(k, position)).get(0);
                assertEquals(conversations[k], ((Number) row.get(0)).intValue(), "conversation of message " + id(k, position));
                assertEquals(createdAt(position), ((java.sql.Timestamp) row.get(1)).toLocalDateTime());
            }
        }
        execute("VACUUM (ANALYZE) chat_messages");
        execute("ANALYZE conversations");
        execute("ANALYZE users");
    }

    /** The next request of the mix: newest page, deep page, a new message, marking the next stretch read. */
    private Load.Request request(long n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int k = random.nextInt(CONVERSATIONS);
        String messages = "/api/conversations/" + conversations[k] + "/messages";
        Api api = api();
        return switch ((int) (n % 4)) {
            case 0 -> new Load.Request("newest", () -> api.get(messages + "?limit=50"));
            case 1 -> {
                int position = 1 + random.nextInt(perConversation);
                String cursor = new MessageCursor(createdAt(position), (int) id(k, position)).encode();
                yield new Load.Request("deep", () -> api.get(messages + "?limit=50&before=" + cursor));
            }
            case 2 -> new Load.Request("send", () -> api.post(messages,
                    Json.createObjectBuilder().add("text", "Pesan baru " + n).build()));
            default -> {
                long m = marks.getAndIncrement();
                int conversation = (int) (m % CONVERSATIONS);
                int upTo = (int) Math.min((m / CONVERSATIONS + 1) * MARK_STEP, perConversation);
                yield new Load.Request("read", () -> api.post("/api/conversations/" + conversations[conversation] + "/read",
                        Json.createObjectBuilder().add("upToMessageId", id(conversation, upTo)).build()));
            }
        };
    }

    /** Ani's client, logged in again before the access token (15 minutes) runs out. */
    private synchronized Api api() {
        if (System.nanoTime() - tokenAt > TOKEN_AGE.toNanos()) {
            ani = SharedServer.api().login(ani.id(), ani.email(), ani.password(), ani.fullName());
            tokenAt = System.nanoTime();
        }
        return ani.api();
    }

    /** The changesets of one context of the bench changelog, applied as the startup migration applies them (SchemaMigrator). */
    private static Step runner(String name, String context) {
        return new Step(name, () -> {
            try (LiquibaseSession session = LiquibaseSession.forCommands(connection(), CHANGELOG, context);
                 MigrationLock lock = session.migrationLock()) {
                lock.acquire(Duration.ofMinutes(5), activity -> { });
                new LockRetry("5s", 5, Duration.ofSeconds(1)).update(session,
                        new ChangesetTimer(MigrationEvents.NONE, MigrationEvents.Kind.STARTUP),
                        () -> lock.acquire(Duration.ofMinutes(5), activity -> { }), MigrationUnderLoadBench::connection);
            } finally {
                LiquibaseSession.releaseThreadScope();
            }
        });
    }

    /** The shared server's database as it was, but for the filled rows: the bench's columns, triggers, functions, index, constraints, changesets and progress row go. */
    private static void cleanUp() throws SQLException {
        execute("DROP TRIGGER IF EXISTS trg_bench_chat_messages_has_attachment ON chat_messages;"
                + " DROP TRIGGER IF EXISTS trg_bench_chat_messages_has_attachment_naive ON chat_messages;"
                + " DROP FUNCTION IF EXISTS bench_chat_messages_set_has_attachment();"
                + " DROP FUNCTION IF EXISTS bench_chat_messages_set_has_attachment_naive();"
                + " DROP INDEX IF EXISTS idx_bench_chat_messages_sender_created, idx_bench_chat_messages_sender_created_naive;"
                + " ALTER TABLE chat_messages DROP CONSTRAINT IF EXISTS fk_bench_chat_messages_sender,"
                + " DROP CONSTRAINT IF EXISTS fk_bench_chat_messages_sender_naive, DROP CONSTRAINT IF EXISTS chk_bench_has_attachment_not_null,"
                + " DROP COLUMN IF EXISTS has_attachment, DROP COLUMN IF EXISTS has_attachment_naive");
        ApiDatabase.execute("DELETE FROM databasechangelog WHERE filename = ?", CHANGELOG);
        ApiDatabase.execute("DELETE FROM schema_batch_progress WHERE table_name = 'chat_messages'");
    }

    private long id(int conversation, int position) {
        return firstId + (long) conversation * perConversation + position - 1;
    }

    private static LocalDateTime createdAt(int position) {
        return FIRST_MESSAGE.plusSeconds(position - 1);
    }

    private static Connection connection() {
        try {
            return ApiDatabase.dataSource().getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
