package id.narasiahli.operations;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.DatabaseFacts;
import id.narasiahli.testsupport.payara.Measured;
import id.narasiahli.testsupport.payara.PayaraServerDomain;
import id.narasiahli.testsupport.payara.Readiness;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAR on a full Payara Server 6 domain, set up exactly as src/site/markdown/operations.md says: DB_* exported for the domain,
 * the domain started with {@code --prebootcommandfile server-config/payara-server-pre-boot.asadmin}, then
 * {@code asadmin multimode --file server-config/payara-server.asadmin} run from the project root.
 */
class PayaraServerIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path ASADMIN_FILE = Path.of("server-config/payara-server.asadmin");
    private static final Path PRE_BOOT_FILE = Path.of("server-config/payara-server-pre-boot.asadmin");

    @Test
    void asadminFileSetsUpTheDomainAndTheApplicationBecomesReady() throws Exception {
        Path project = Path.of(System.getProperty("narasi.it.projectDir"));
        assertTrue(Files.exists(project.resolve(ASADMIN_FILE)), "the asadmin file of this working tree");
        String database = TestDatabase.createDatabase("payara_server");

        Path serverLog;
        Path domainXml;
        try (PayaraServerDomain domain = PayaraServerDomain.create("narasi-it")) {
            long start = System.nanoTime();
            domain.start(Map.of("DB_NAME", database), "--prebootcommandfile", project.resolve(PRE_BOOT_FILE).toString());
            String output = domain.asadmin(project, "multimode", "--file", ASADMIN_FILE.toString());
            assertFalse(output.contains("failed"), output);

            Readiness readiness = awaitReady(domain);
            Measured.record("Payara Server: start-domain to ready (asadmin file, deploy, migrations)",
                    Duration.ofNanos(System.nanoTime() - start));
            assertEquals("UP", readiness.schemaStatus(), readiness.body());
            assertTrue(readiness.body().contains("\"changesets\":\"" + Changelogs.productionChangesets().size() + "\""), readiness.body());
            assertTraceReachesTheApplication(domain);
            serverLog = domain.serverLog();
            domainXml = domain.domainXml();
        }
        assertListenerOptionsKeptIn(domainXml);
        DatabaseFacts.assertEveryChangesetRecordedOnce(database, Changelogs.productionChangesets().size());
        assertFalse(Files.readString(serverLog).contains("SEVERE"), () -> "no SEVERE from start to stop-domain: " + serverLog + severeLines(serverLog));
    }

    private static Readiness awaitReady(PayaraServerDomain domain) throws InterruptedException {
        URI uri = URI.create("http://localhost:" + domain.httpPort() + "/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Readiness last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
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
        throw new AssertionError("Not ready within " + READY_TIMEOUT + ": " + last + "; log " + domain.serverLog()
                + severeLines(domain.serverLog()));
    }

    /**
     * The pre-boot file set http-listener-1's trace-enabled (and the payload option) before the listener opened: only with it
     * does TRACE reach the application, whose filter refuses it with a problem document; Grizzly's own answer has no such
     * body. Nothing restarts the listener after boot, so the first request after readiness must already get that answer.
     */
    private static void assertTraceReachesTheApplication(PayaraServerDomain domain) throws IOException, InterruptedException {
        HttpRequest trace = HttpRequest.newBuilder(URI.create("http://localhost:" + domain.httpPort() + "/api/experts"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HTTP.send(trace, HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0];
        Supplier<String> answer = () -> response.statusCode() + " " + type + " " + response.body() + severeLines(domain.serverLog());
        assertEquals(405, response.statusCode(), answer);
        assertEquals("application/problem+json", type, answer);
        assertTrue(response.body().contains("TRACE is not supported"), answer);
    }

    /** The pre-boot settings are in domain.xml after stop-domain, so a plain start-domain keeps them (as operations.md says). */
    private static void assertListenerOptionsKeptIn(Path domainXml) throws Exception {
        Element http = (Element) XPathFactory.newInstance().newXPath().evaluate(
                "/domain/configs/config[@name='server-config']/network-config/protocols/protocol[@name='http-listener-1']/http",
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(domainXml.toFile()), XPathConstants.NODE);
        assertNotNull(http, () -> "no <http> of protocol http-listener-1 in " + domainXml);
        assertEquals("true", http.getAttribute("trace-enabled"), domainXml::toString);
        assertEquals("true", http.getAttribute("allow-payload-for-undefined-http-methods"), domainXml::toString);
    }

    private static String severeLines(Path serverLog) {
        try {
            List<String> lines = Files.readAllLines(serverLog);
            List<String> severe = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("[SEVERE]")) {
                    severe.add(String.join(" ", lines.subList(i, Math.min(lines.size(), i + 2))));
                }
            }
            return severe.isEmpty() ? "; no SEVERE in it" : "; its SEVERE lines: " + String.join(" | ", severe);
        } catch (IOException e) {
            return "; its SEVERE lines could not be read: " + e;
        }
    }
}
