package id.narasiahli.bench;

import id.narasiahli.conversations.control.MessageCursor;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: a measurement, run only by {@code mvn -B -Pbench verify} (src/site/markdown/testing.md, "Benchmark"). Fills one
 * conversation with a million messages (generate_series, in the database), then times pages of its history
 * through the real HTTP endpoint on the production-command server: the newest page and pages deep in the
 * past, reached with the keyset cursor. It prints figures and asserts only that the pages are right.
 */
class MessageHistoryBench {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 1_000_000);
    /** Other conversations share the table (and Ani's conversation list), as in production. */
    private static final int OTHER_CONVERSATIONS = Integer.getInteger("bench.otherConversations", 1_000);
    private static final int OTHER_MESSAGES_EACH = Integer.getInteger("bench.otherMessagesEach", 500);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);
    private static final int WARMUP = 50;
    private static final int PAGE = 50;

    @Test
    void pagesOfAMillionMessageConversation() throws Exception {
        Api api = SharedServer.api();
        Api.User ani = api.newUser("Ani Bench");
        Api.User budi = api.newUser("Budi Bench");
        int conversation = ani.api().post("/api/conversations", Json.createObjectBuilder().add("participantId", budi.id()).build())
                .json().getInt("id");

        long fill = System.nanoTime();
        Fill.conversation(conversation, ani.id(), budi.id(), MESSAGES);
        fillOthers(ani.id());
        execute("ANALYZE users");
        execute("ANALYZE conversations");
        execute("ANALYZE chat_messages");
        System.out.printf("%nFilled conversation %d with %,d messages, and %,d other conversations of the same user with %,d each,"
                + " in %.1f s%n", conversation, MESSAGES, OTHER_CONVERSATIONS, OTHER_MESSAGES_EACH, seconds(fill));

        String path = "/api/conversations/" + conversation + "/messages?limit=" + PAGE;
        int newest = ani.api().get(path).json().getJsonArray("items").getJsonObject(0).getInt("id");
        Map<String, Supplier<Api.Response>> scenarios = new LinkedHashMap<>();
        scenarios.put("one message (per-request baseline)", () -> ani.api().get("/api/conversations/" + conversation + "/messages/" + newest));
        scenarios.put("newest page (no cursor)", () -> ani.api().get(path));
        for (int depth : new int[]{MESSAGES / 2, MESSAGES - 10 * PAGE}) {
            String cursor = cursorAtDepth(conversation, depth);
            Api.Response check = ani.api().get(path + "&before=" + cursor);
            assertEquals(200, check.status(), check.toString());
            assertEquals(PAGE, check.json().getJsonArray("items").size());
            scenarios.put(String.format("page after %,d newer messages", depth), () -> ani.api().get(path + "&before=" + cursor));
        }
        scenarios.put("conversation list (1,001 conversations)", () -> ani.api().get("/api/conversations"));

        System.out.printf("%nMessage history of one conversation with %,d messages, %d per page; %d timed requests per line,"
                + " interleaved, after %d warm-up requests each (client-side latency over HTTP, one client, load average %s):%n",
                MESSAGES, PAGE, ROUNDS, WARMUP, Wrk.loadAverage());
        measure(scenarios).forEach(System.out::println);
        System.out.println("\nPlan of the deepest page's query:");
        String cursor = cursorAtDepth(conversation, MESSAGES - 10 * PAGE);
        MessageCursor at = MessageCursor.decode(cursor);
        explain("EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM chat_messages WHERE conversation_id = " + conversation
                + " AND (created_at, id) < ('" + Timestamp.valueOf(at.createdAt()) + "', " + at.id() + ")"
                + " ORDER BY created_at DESC, id DESC LIMIT " + (PAGE + 1));
        long offset = System.nanoTime();
        execute("SELECT id FROM chat_messages WHERE conversation_id = " + conversation
                + " ORDER BY created_at DESC, id DESC LIMIT " + PAGE + " OFFSET " + (MESSAGES - 10 * PAGE));
        System.out.printf("For comparison, the same deep page by OFFSET, in the database alone: %.1f ms%n%n", seconds(offset) * 1000);
    }

    /** Rounds go through every scenario in turn, so a burst of load on the machine hits them all alike. */
    private static List<String> measure(Map<String, Supplier<Api.Response>> scenarios) {
        scenarios.values().forEach(request -> {
            for (int i = 0; i < WARMUP; i++) {
                request.get();
            }
        });
        Map<String, double[]> millis = new LinkedHashMap<>();
        scenarios.keySet().forEach(name -> millis.put(name, new double[ROUNDS]));
        for (int i = 0; i < ROUNDS; i++) {
            for (Map.Entry<String, Supplier<Api.Response>> scenario : scenarios.entrySet()) {
                long start = System.nanoTime();
                Api.Response response = scenario.getValue().get();
                millis.get(scenario.getKey())[i] = (System.nanoTime() - start) / 1e6;
                assertEquals(200, response.status(), response.toString());
            }
        }
        List<String> lines = new ArrayList<>();
        millis.forEach((name, values) -> {
            Arrays.sort(values);
            lines.add(String.format("  %-42s p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms   max %6.2f ms", name,
                    values[ROUNDS / 2], values[(int) (ROUNDS * 0.95)], values[(int) (ROUNDS * 0.99)], values[ROUNDS - 1]));
        });
        return lines;
    }

    /** Conversations of {@code userId} with other (bench-only) users, each with a share of older messages. */
    private static void fillOthers(int userId) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ApiDatabase.execute("INSERT INTO users (fullname, email, password_hash) SELECT 'Bench ' || g, 'bench-' || ? || '-' || g"
                + " || '@example.com', 'not-a-hash' FROM generate_series(1, ?) g", tag, OTHER_CONVERSATIONS);
        ApiDatabase.execute("INSERT INTO conversations (participant1_id, participant2_id, last_message_at) SELECT ?, u.id,"
                + " TIMESTAMP '2025-12-01 00:00:00' FROM users u WHERE u.email LIKE 'bench-' || ? || '-%'", userId, tag);
        ApiDatabase.execute("""
                INSERT INTO chat_messages (conversation_id, sender_id, message_text, message_type, is_read, created_at)
                SELECT c.id, CASE WHEN g % 3 = 0 THEN c.participant1_id ELSE c.participant2_id END, 'Lain ' || g, 'text',
                       g <= ? - 5, TIMESTAMP '2025-11-01 00:00:00' + g * INTERVAL '1 minute'
                  FROM conversations c JOIN users u ON u.id = c.participant2_id AND u.email LIKE 'bench-' || ? || '-%'
                 CROSS JOIN generate_series(1, ?) g""", OTHER_MESSAGES_EACH, tag, OTHER_MESSAGES_EACH);
    }

    /** The cursor a client holds after paging past the {@code depth} newest messages. */
    private static String cursorAtDepth(int conversation, int depth) throws Exception {
        try (Connection c = ApiDatabase.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT created_at, id FROM chat_messages WHERE conversation_id = ?"
                     + " ORDER BY created_at DESC, id DESC OFFSET ? LIMIT 1")) {
            s.setInt(1, conversation);
            s.setInt(2, depth - 1);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new MessageCursor(row.getTimestamp(1).toLocalDateTime(), row.getInt(2)).encode();
            }
        }
    }

    private static void explain(String sql) throws Exception {
        try (Connection c = ApiDatabase.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet plan = s.executeQuery(sql)) {
            while (plan.next()) {
                System.out.println("  " + plan.getString(1));
            }
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = ApiDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
