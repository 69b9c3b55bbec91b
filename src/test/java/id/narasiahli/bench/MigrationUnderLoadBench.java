package id.narasiahli.bench;

import id.narasiahli.conversations.control.MessageCursor;
import id.narasiahli.observability.control.MigrationEvents;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.liquibase.MigrationLock;
import id.narasiahli.schema.migration.control.ChangesetTimer;
import id.narasiahli.schema.migration.control.LockRetry;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
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
 * marking older messages read: reads, inserts, and updates of existing rows), adds a column and backfills it with the
 * runner's batched data change (the runner's own code: LiquibaseSession, MigrationLock, LockRetry, BatchedDataChange,
 * from this JVM as a second instance's startup would), and then, as the reference in the same run, the naive way:
 * one UPDATE of every row in one transaction. Prints requests, failed requests, p50/p99 before and during each, the
 * migrations' durations and the ratios. Asserts only that every row was backfilled and that no request failed
 * during the batched backfill.
 */
class MigrationUnderLoadBench {

    private static final int ROWS = Integer.getInteger("bench.rows", 10_000_000);
    private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 1_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 6);
    private static final int INTERVAL_MS = Integer.getInteger("bench.intervalMs", 100);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 60);
    private static final int BEFORE_SECONDS = Integer.getInteger("bench.before", 30);
    private static final String CHANGELOG = "test-changelogs/bench-backfill.xml";
    private static final LocalDateTime FIRST_MESSAGE = LocalDateTime.of(2026, 1, 1, 0, 0);
    /** Each mark-read request marks the next 100 messages of a conversation (every tenth one of them unread). */
    private static final int MARK_STEP = 100;
    private static final Duration TOKEN_AGE = Duration.ofMinutes(5);

    private final int perConversation = ROWS / CONVERSATIONS;
    private final AtomicLong marks = new AtomicLong();
    private Api.User ani;
    private long tokenAt;
    private int[] conversations;
    private long firstId;

    @Test
    void batchedBackfillUnderLoadAgainstOneUpdate() throws Exception {
        ani = SharedServer.api().newUser("Ani Bench");
        tokenAt = System.nanoTime();
        long fill = System.nanoTime();
        fill();
        double fillSeconds = seconds(fill);
        System.out.printf("%nFilled chat_messages with %,d rows (%,d conversations of %,d) and vacuumed it in %.0f s; load average %s%n",
                (long) perConversation * CONVERSATIONS, CONVERSATIONS, perConversation, fillSeconds, Wrk.loadAverage());

        double batched;
        double naive;
        double vacuum;
        Load.Figures beforeBatched;
        Load.Figures duringBatched;
        Load.Figures beforeNaive;
        Load.Figures duringNaive;
        try (Load load = Load.start(CLIENTS, Duration.ofMillis(INTERVAL_MS), this::request)) {
            pause(WARMUP_SECONDS);
            load.phase("before batched");
            pause(BEFORE_SECONDS);
            load.phase("during batched");
            long start = System.nanoTime();
            batchedBackfill();
            batched = seconds(start);
            load.phase("vacuum");
            start = System.nanoTime();
            execute("VACUUM (ANALYZE) chat_messages");
            vacuum = seconds(start);
            load.phase("before naive");
            pause(BEFORE_SECONDS);
            load.phase("during naive");
            start = System.nanoTime();
            execute("ALTER TABLE chat_messages ADD COLUMN has_attachment_naive BOOLEAN");
            execute("UPDATE chat_messages SET has_attachment_naive = (file_url IS NOT NULL)");
            naive = seconds(start);
            load.phase("after");
            pause(5);
            beforeBatched = load.figures("before batched");
            duringBatched = load.figures("during batched");
            beforeNaive = load.figures("before naive");
            duringNaive = load.figures("during naive");
        }

        System.out.printf("%nA column added and backfilled on %,d rows under load: %d clients, one request each every %d ms"
                        + " (newest page, deep page, send, mark read in turn); latency on the client, over HTTP; load average %s%n",
                (long) perConversation * CONVERSATIONS, CLIENTS, INTERVAL_MS, Wrk.loadAverage());
        System.out.println(beforeBatched.line("before batched"));
        System.out.println(duringBatched.line("during batched"));
        System.out.println(beforeNaive.line("before naive"));
        System.out.println(duringNaive.line("during naive"));
        System.out.printf("  migration: batched (batches of 5,000, each its own transaction) %.1f s; naive (one UPDATE) %.1f s;"
                + " VACUUM between them %.1f s%n", batched, naive, vacuum);
        System.out.printf("  ratios: p99 during/before batched %.2f, naive %.2f; p50 during/before batched %.2f, naive %.2f;"
                        + " duration batched/naive %.2f; failed requests batched %d, naive %d%n%n",
                duringBatched.p99() / beforeBatched.p99(), duringNaive.p99() / beforeNaive.p99(),
                duringBatched.p50() / beforeBatched.p50(), duringNaive.p50() / beforeNaive.p50(), batched / naive,
                duringBatched.failed(), duringNaive.failed());

        // messages sent after the backfill have none: in the worked example a trigger covers them, here nothing does
        assertEquals(0L, ApiDatabase.count("SELECT count(*) FROM chat_messages WHERE has_attachment IS NULL AND id BETWEEN ? AND ?",
                firstId, id(CONVERSATIONS - 1, perConversation)), "every filled row backfilled");
        assertEquals(0L, ApiDatabase.count("SELECT count(*) FROM chat_messages WHERE has_attachment_naive IS NULL AND id BETWEEN ? AND ?",
                firstId, id(CONVERSATIONS - 1, perConversation)), "every filled row updated by the naive way too");
        assertEquals(0, duringBatched.failed() + beforeBatched.failed(), "no request failed before or during the batched backfill");
        cleanUp();
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

    /** The changesets of bench-backfill.xml, applied as the startup migration applies them (SchemaMigrator). */
    private static void batchedBackfill() throws Exception {
        try (LiquibaseSession session = LiquibaseSession.forCommands(connection(), CHANGELOG, "production");
             MigrationLock lock = session.migrationLock()) {
            lock.acquire(Duration.ofMinutes(5), activity -> { });
            new LockRetry("5s", 5, Duration.ofSeconds(1)).update(session,
                    new ChangesetTimer(MigrationEvents.NONE, MigrationEvents.Kind.STARTUP),
                    () -> lock.acquire(Duration.ofMinutes(5), activity -> { }), MigrationUnderLoadBench::connection);
        } finally {
            LiquibaseSession.releaseThreadScope();
        }
    }

    /** The shared server's database as it was: the bench's columns, changesets and progress row go. */
    private static void cleanUp() throws SQLException {
        execute("ALTER TABLE chat_messages DROP COLUMN IF EXISTS has_attachment, DROP COLUMN IF EXISTS has_attachment_naive");
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
