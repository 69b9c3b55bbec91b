package id.narasiahli.operations;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.Measured;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.payara.SharedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops under a running instance: every endpoint that needs it, the schema admin API included,
 * answers 503 problem+json with Retry-After (never 500), and once PostgreSQL is back the same requests
 * succeed within 10 s, without a restart. The instance runs on a PostgreSQL of its own, which the test
 * stops and starts on the same data directory and port.
 */
class PostgresRestartIT {

    private static final String DATABASE = "narasi_outage";
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);

    @Test
    void whilePostgresIsDownRequestsAre503ProblemsAndTheyRecoverWithin10sOfItsReturn() throws Exception {
        Path dataDir = PayaraMicroProcess.workDir().resolve("outage-postgres");
        deleteRecursively(dataDir);
        int port = PayaraMicroProcess.freePort();
        EmbeddedPostgres postgres = start(dataDir, port);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        try (PayaraMicroProcess server = PayaraMicroProcess.start("outage-server", DATABASE, Map.of(
                "DB_PORT", Integer.toString(port),
                "NARASI_ADMIN_EMAIL", SharedServer.ADMIN_EMAIL,
                "NARASI_ADMIN_PASSWORD", SharedServer.ADMIN_PASSWORD,
                "NARASI_AUTH_PBKDF2_ITERATIONS", "20000"))) {
            server.awaitReady(Duration.ofSeconds(120));
            Api api = new Api(server.baseUri());
            Api admin = api.admin().api();
            Api user = api.newUser("Outage Tester").api();
            assertEquals(200, admin.get("/api/admin/schema/status").status());
            assertEquals(200, user.get("/api/me").status());

            postgres.close();
            for (Api.Response down : new Api.Response[]{admin.get("/api/admin/schema/status"), user.get("/api/me"),
                    user.get("/api/experts?q=a")}) {
                assertEquals(503, down.status(), down.toString());
                assertTrue(down.header("Content-Type").startsWith("application/problem+json"), down.toString());
                assertEquals(503, down.json().getInt("status"), down.toString());
                assertNotNull(down.header("Retry-After"), down.toString());
                assertTrue(!down.body().contains("Exception") && !down.body().contains("localhost:" + port), down.body());
            }
            assertTrue(!server.log().contains("Incident "), "an outage is no incident of ours: " + server.logFile());

            postgres = start(dataDir, port);
            long back = System.nanoTime();
            Duration recovered = awaitOk(admin, user, back);
            Measured.record("PostgreSQL back to schema status and /api/me answering 200", recovered);
            assertTrue(recovered.compareTo(RECOVERY_LIMIT) <= 0, "recovered after " + recovered);
        } finally {
            postgres.close();
        }
    }

    private static Duration awaitOk(Api admin, Api user, long since) throws InterruptedException {
        long deadline = since + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (admin.get("/api/admin/schema/status").status() == 200 && user.get("/api/me").status() == 200) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not recovered within 60 s of PostgreSQL's return");
    }

    private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
