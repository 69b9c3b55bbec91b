package id.narasiahli.accounts;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bursts of parallel failed logins (issue 15, items 0 and 3). A failed login must never hold one pooled
 * connection while asking for another (a burst then exhausts the pool and every request waits for the
 * pool's max-wait and fails), and the throttle must be atomic: of parallel wrong guesses for one account at
 * most the limit (5) are ever checked against the password hash, the rest are 429.
 * <p>
 * Its own server with a pool of 4 (max-wait 10 s), so that a request needing two connections at once
 * deadlocks the pool on every run instead of only when 20 requests happen to overlap.
 */
class LoginBurstIT {

    private static final int BURST = 30;
    private static final int LIMIT = 5;
    private static final String DATABASE = "narasi_login_burst";

    private static PayaraMicroProcess server;
    private static Api api;

    @BeforeAll
    static void server() {
        TestDatabase.createDatabaseNamed(DATABASE);
        server = PayaraMicroProcess.start("login-burst", DATABASE, Map.of(
                "DB_POOL_MAX", "4", "DB_POOL_MAX_WAIT_MS", "10000",
                "NARASI_HTTP_TRUST_FORWARDED_FOR", "true", "NARASI_AUTH_PBKDF2_ITERATIONS", "20000"));
        server.awaitReady(Duration.ofSeconds(300));
        api = new Api(server.baseUri());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thirtyParallelFailedLoginsAreAll401AndAnUnrelatedRequestKeepsAnswering() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Burst burst = burst(i -> api.from("172.30." + (i + 1) + ".7").post("/api/auth/login", Json.createObjectBuilder()
                .add("email", "nobody-" + run + "-" + i + "@example.com").add("password", "a wrong passphrase").build()));
        assertEquals(Map.of(401, (long) BURST), burst.statuses(), burst.toString());
        assertEquals(200, burst.unrelated.status(), "GET /api/experts during the burst: " + burst.unrelated);
    }

    @Test
    void ofThirtyParallelWrongGuessesForOneAccountOnlyTheLimitAreChecked() throws Exception {
        Api.User user = api.newUser("Hadi Burst");
        Burst burst = burst(i -> api.from("172.31." + (i + 1) + ".9").post("/api/auth/login", Json.createObjectBuilder()
                .add("email", user.email()).add("password", "wrong guess " + i).build()));
        assertEquals(Map.of(401, (long) LIMIT, 429, (long) (BURST - LIMIT)), burst.statuses(), burst.toString());
        assertEquals(Integer.toString(LIMIT), TestDatabase.queryValue(DATABASE,
                "SELECT count(*)::text FROM login_failures WHERE email = '" + user.email() + "'"));
        assertEquals(200, burst.unrelated.status(), "GET /api/experts during the burst: " + burst.unrelated);
    }

    @Test
    void ofThirtyParallelWrongGuessesFromOneAddressOnlyTheLimitAreChecked() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Api from = api.from("172.32.0." + (Math.abs(run.hashCode()) % 250 + 1));
        Burst burst = burst(i -> from.post("/api/auth/login", Json.createObjectBuilder()
                .add("email", "guess-" + run + "-" + i + "@example.com").add("password", "wrong guess").build()));
        assertEquals(Map.of(401, (long) LIMIT, 429, (long) (BURST - LIMIT)), burst.statuses(), burst.toString());
    }

    private record Burst(List<Api.Response> responses, Api.Response unrelated, long millis, long unrelatedMillis) {

        Map<Integer, Long> statuses() {
            return responses.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
        }

        @Override
        public String toString() {
            return "burst of " + responses.size() + " in " + millis + " ms (unrelated GET " + unrelatedMillis + " ms): "
                    + responses.stream().map(r -> r.status() == 500 ? r.toString() : Integer.toString(r.status()))
                    .collect(Collectors.joining(", "));
        }
    }

    /** Starts {@code BURST} requests at once and, while they run, one unrelated anonymous GET. */
    private static Burst burst(IntFunction<Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int n = i;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return request.apply(n);
                }, pool));
            }
            long began = System.nanoTime();
            start.countDown();
            Thread.sleep(100);
            long unrelatedBegan = System.nanoTime();
            Api.Response unrelated = api.get("/api/experts?limit=1");
            long unrelatedMillis = (System.nanoTime() - unrelatedBegan) / 1_000_000;
            List<Api.Response> responses = futures.stream().map(CompletableFuture::join).toList();
            Burst burst = new Burst(responses, unrelated, (System.nanoTime() - began) / 1_000_000, unrelatedMillis);
            System.out.println("LoginBurstIT: " + burst); // the numbers for the report, never asserted
            return burst;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
