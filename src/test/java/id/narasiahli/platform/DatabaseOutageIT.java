package id.narasiahli.platform;

import id.narasiahli.testsupport.database.TcpProxy;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 8: PostgreSQL goes away under a running server (a relay between them resets every
 * connection and refuses new ones). Once the server knows, every API request is answered at once with 503
 * problem+json and Retry-After, never 500 and never after waiting for the pool; when the database is back
 * the server recovers by itself and nothing written before is lost.
 */
class DatabaseOutageIT {

    private static final String DATABASE = "narasi_outage";
    private static final int CLIENTS = 4;

    private static TcpProxy database;
    private static PayaraMicroProcess server;
    private static Api api;

    @BeforeAll
    static void start() {
        TestDatabase.createDatabaseNamed(DATABASE);
        database = TcpProxy.to(TestDatabase.port());
        server = PayaraMicroProcess.start("database-outage", DATABASE, Map.of(
                "DB_HOST", "127.0.0.1", "DB_PORT", Integer.toString(database.port()),
                "NARASI_AUTH_PBKDF2_ITERATIONS", "20000"));
        server.awaitReady(Duration.ofSeconds(300));
        api = new Api(server.baseUri());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void withTheDatabaseGoneRequestsAre503WithRetryAfterAndTheServerRecoversByItself() throws Exception {
        Api.User user = api.newUser("Putri Padam");
        assertEquals(200, user.api().get("/api/me").status());

        database.cut();
        long cutAt = System.nanoTime();
        List<Api.Response> beforeKnown = new ArrayList<>();
        Api.Response known = user.api().get("/api/me");
        while (known.status() != 503 && System.nanoTime() - cutAt < Duration.ofSeconds(30).toNanos()) {
            beforeKnown.add(known);
            known = user.api().get("/api/me");
        }
        long knownMillis = (System.nanoTime() - cutAt) / 1_000_000;
        assertEquals(503, known.status(), "the server notices that the database is gone: " + known + " after " + beforeKnown);
        List<Api.Response> during = load(user.api(), Duration.ofSeconds(10));
        System.out.printf("DatabaseOutageIT: first 503 after %d ms (before it: %s); then %d answers in 10 s from %d clients: %s%n",
                knownMillis, statuses(beforeKnown), during.size(), CLIENTS, statuses(during));
        for (Api.Response response : during) {
            assertEquals(503, response.status(), response.toString());
            assertEquals("application/problem+json", response.header("Content-Type").split(";")[0], response.toString());
            assertTrue(Long.parseLong(response.header("Retry-After")) > 0, response.toString());
        }
        // the readiness probe says why it is down, in its own words: never the driver's text (hosts, ports, users)
        Api.Response ready = api.get("/health/ready");
        assertEquals(503, ready.status(), ready.toString());
        assertTrue(ready.body().contains("the database does not answer"), ready.body());
        for (String leak : List.of("PSQLException", "Connection to", "refused", "localhost:", "postgres")) {
            assertFalse(ready.body().contains(leak), "driver text in /health/ready: " + ready.body());
        }

        database.restore();
        long restoredAt = System.nanoTime();
        Api.Response back = user.api().get("/api/me");
        while (back.status() != 200 && System.nanoTime() - restoredAt < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(200);
            back = user.api().get("/api/me");
        }
        System.out.printf("DatabaseOutageIT: recovered after %d ms%n", (System.nanoTime() - restoredAt) / 1_000_000);
        assertEquals(200, back.status(), "the server recovers by itself: " + back);
        assertEquals(user.email(), back.json().getString("email"), "nothing written before the outage is lost");
    }

    /** {@code CLIENTS} clients sending GET /api/me one after another for {@code duration}; every answer. */
    private static List<Api.Response> load(Api as, Duration duration) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Future<List<Api.Response>>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                futures.add(clients.submit(() -> {
                    List<Api.Response> answers = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        answers.add(as.get("/api/me"));
                    }
                    return answers;
                }));
            }
            List<Api.Response> all = new ArrayList<>();
            for (Future<List<Api.Response>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            clients.shutdownNow();
        }
    }

    private static String statuses(List<Api.Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting())).toString();
    }
}
