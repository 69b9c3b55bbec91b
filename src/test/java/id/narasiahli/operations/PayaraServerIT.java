package id.narasiahli.operations;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.DatabaseFacts;
import id.narasiahli.testsupport.payara.Measured;
import id.narasiahli.testsupport.payara.PayaraServerDomain;
import id.narasiahli.testsupport.payara.Readiness;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAR on a full Payara Server 6 domain, set up exactly as src/site/markdown/operations.md says: DB_* exported for the domain,
 * then {@code asadmin multimode --file server-config/payara-server.asadmin} run from the project root.
 */
class PayaraServerIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Path ASADMIN_FILE = Path.of("server-config/payara-server.asadmin");

    @Test
    void asadminFileSetsUpTheDomainAndTheApplicationBecomesReady() throws Exception {
        Path project = Path.of(System.getProperty("narasi.it.projectDir"));
        assertTrue(Files.exists(project.resolve(ASADMIN_FILE)), "the asadmin file of this working tree");
        String database = TestDatabase.createDatabase("payara_server");

        Path serverLog;
        try (PayaraServerDomain domain = PayaraServerDomain.create("narasi-it")) {
            long start = System.nanoTime();
            domain.start(Map.of("DB_NAME", database));
            String output = domain.asadmin(project, "multimode", "--file", ASADMIN_FILE.toString());
            assertFalse(output.contains("failed"), output);

            Readiness readiness = awaitReady(domain);
            Measured.record("Payara Server: start-domain to ready (asadmin file, deploy, migrations)",
                    Duration.ofNanos(System.nanoTime() - start));
            assertEquals("UP", readiness.schemaStatus(), readiness.body());
            assertTrue(readiness.body().contains("\"changesets\":\"" + Changelogs.productionChangesets().size() + "\""), readiness.body());
            serverLog = domain.serverLog();
        }
        DatabaseFacts.assertEveryChangesetRecordedOnce(database, Changelogs.productionChangesets().size());
        assertFalse(Files.readString(serverLog).contains("SEVERE"), "no SEVERE from start to stop-domain: " + serverLog);
    }

    private static Readiness awaitReady(PayaraServerDomain domain) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://localhost:" + domain.httpPort() + "/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Readiness last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                last = Readiness.of(response.statusCode(), response.body());
                if (last.ready()) {
                    return last;
                }
            } catch (IOException e) {
                last = Readiness.unreachable(e);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not ready within " + READY_TIMEOUT + ": " + last + "; log " + domain.serverLog());
    }
}
