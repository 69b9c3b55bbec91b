package id.narasiahli.observability;

import id.narasiahli.testsupport.http.PrometheusText;
import id.narasiahli.observability.control.MigrationAlerts;
import id.narasiahli.observability.probe.MigrationEventsProbe;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.http.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration metrics and alerts on a real Payara Micro, driven through the {@code MigrationEvents} API the schema
 * code calls (a test-only resource plays the runs), with the alert threshold set to one second. This server's
 * PostgreSQL is its own, started with pg_stat_statements preloaded (the shared one has none), so the slow-statement
 * list is checked here too.
 */
class MigrationMetricsIT {

    private static final String ADMIN_EMAIL = "ops@narasi.test";
    private static final String ADMIN_PASSWORD = "Ops-Test-Passphrase-1";

    private static EmbeddedPostgres database;
    private static PayaraMicroProcess server;
    /** Scraped before any test played a run. */
    private static PrometheusText initial;

    @BeforeAll
    static void start() throws Exception {
        Path war = PayaraMicroProcess.workDir().resolve("narasi-ahli-migration-probe.war");
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("narasi.it.war")))
                .addClass(MigrationEventsProbe.class);
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        database = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
        try (Connection c = database.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE obs_migration");
        }
        try (Connection c = database.getDatabase(TestDatabase.USER, "obs_migration").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_stat_statements");
        }
        // launch, then wait: if the boot times out, stop() still ends the process (start() would leave it running)
        server = PayaraMicroProcess.launch("migration-metrics", "obs_migration", Map.of(
                "DB_PORT", String.valueOf(database.getPort()),
                "NARASI_ADMIN_EMAIL", ADMIN_EMAIL, "NARASI_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "NARASI_AUTH_PBKDF2_ITERATIONS", "20000",
                "NARASI_OBSERVABILITY_MIGRATION_ALERT_SECONDS", "1"), war);
        server.awaitBoot();
        initial = PrometheusText.scrape(server.baseUri());
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void withPgStatStatementsTheSlowestStatementsAreListed() {
        Api admin = new Api(server.baseUri());
        Api.User ops = admin.login(0, ADMIN_EMAIL, ADMIN_PASSWORD, "Operator");
        Api.Response response = ops.api().get("/api/admin/database/statements?orderBy=mean&limit=5");
        assertEquals(200, response.status(), response.toString());
        JsonObject statements = response.json();
        assertTrue(statements.getBoolean("available"), statements.toString());
        assertEquals("mean", statements.getString("orderBy"));
        JsonArray rows = statements.getJsonArray("statements");
        assertTrue(rows.size() > 0 && rows.size() <= 5, statements.toString());
        JsonObject first = rows.getJsonObject(0);
        assertTrue(first.getJsonNumber("calls").longValue() >= 1 && first.containsKey("meanMs") && !first.getString("query").isBlank(),
                first.toString());
        double previous = Double.MAX_VALUE;
        for (JsonObject row : rows.getValuesAs(JsonObject.class)) {
            assertTrue(row.getJsonNumber("meanMs").doubleValue() <= previous, "slowest first: " + rows);
            previous = row.getJsonNumber("meanMs").doubleValue();
        }
    }

    @Test
    void everySeriesExistsAtZeroBeforeTheFirstMigrationEvent() {
        PrometheusText metrics = initial;
        for (String kind : new String[] {"startup", "admin", "cli"}) {
            String tag = "kind=\"" + kind + "\"";
            assertEquals(0, metrics.value("narasi_migration_changesets_failed_total", tag), metrics.body());
            assertEquals(0, metrics.value("narasi_migration_runs_total", tag, "outcome=\"failed\""));
        }
        // this server's own startup migration (an empty database brought to head) is the one run already counted
        assertEquals(1, metrics.value("narasi_migration_runs_total", "kind=\"startup\"", "outcome=\"succeeded\""), metrics.body());
        assertTrue(metrics.value("narasi_migration_last_success_timestamp_seconds", "kind=\"startup\"") > 0);
        for (String kind : new String[] {"admin", "cli"}) {
            assertEquals(0, metrics.value("narasi_migration_last_success_timestamp_seconds", "kind=\"" + kind + "\""));
        }
    }

    @Test
    void aSuccessfulAndAFailedRunShowCountersDurationsPendingAndAlerts() throws Exception {
        PrometheusText before = PrometheusText.scrape(server.baseUri());
        assertEquals(200, post("/api/test/migration-events/startup?pending=0&holdMillis=10"));
        assertEquals(200, post("/api/test/migration-events/admin?fail=true&holdMillis=1500&pending=3"));

        PrometheusText after = PrometheusText.scrape(server.baseUri());
        String startup = "kind=\"startup\"";
        String admin = "kind=\"admin\"";
        assertEquals(2, delta(before, after, "narasi_migration_changesets_applied_total", startup), after.body());
        assertEquals(1, delta(before, after, "narasi_migration_runs_total", startup, "outcome=\"succeeded\""));
        assertEquals(1, delta(before, after, "narasi_migration_changesets_applied_total", admin));
        assertEquals(1, delta(before, after, "narasi_migration_changesets_failed_total", admin));
        assertEquals(1, delta(before, after, "narasi_migration_runs_total", admin, "outcome=\"failed\""));
        assertEquals(1, delta(before, after, "narasi_migration_run_seconds_count", admin));
        assertTrue(after.value("narasi_migration_run_seconds_sum", admin) >= 1.5, after.body());
        assertEquals(2, delta(before, after, "narasi_migration_changeset_seconds_count", startup));
        assertEquals(1, delta(before, after, "narasi_migration_lock_wait_seconds_count", admin));
        assertEquals(1, delta(before, after, "narasi_migration_changesets_overdue_total", admin), "1.5 s is over the 1 s threshold");
        assertEquals(3, after.value("narasi_migration_changesets_pending"), "the last report wins");
        assertTrue(after.value("narasi_migration_last_success_timestamp_seconds", startup) > 1.7e9);
        assertEquals(0, after.value("narasi_migration_last_success_timestamp_seconds", admin), "a failed run is no success");
        assertEquals(0, after.value("narasi_migration_changeset_running_seconds"), "nothing runs now");

        String log = server.log();
        assertTrue(log.contains(MigrationAlerts.PREFIX + "changeset probe.sql::2::test has been running for more than 1000 ms"
                + " and has not finished (admin migration)"), "the watchdog spoke while it ran");
        assertTrue(log.contains(MigrationAlerts.PREFIX + "changeset probe.sql::2::test failed after "), "the failure");
        assertEquals(1, log.lines().filter(l -> l.contains(MigrationAlerts.PREFIX + "changeset probe.sql::2::test has been")).count());
        assertTrue(log.lines().filter(l -> l.contains(MigrationAlerts.PREFIX)).allMatch(l -> l.contains("SEVERE")), log);
    }

    private static int post(String path) throws Exception {
        URI uri = server.baseUri().resolve(path);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        double was = before.value(name, labels);
        return after.value(name, labels) - (Double.isNaN(was) ? 0 : was);
    }
}
