package id.narasiahli.observability;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The example alerting rules in server-config/: promtool checks them and runs their unit tests
 * (prometheus-alerts.test.yml) where it is installed (Debian package {@code prometheus}); the structure and the metric
 * names they use are checked everywhere.
 */
class AlertRulesTest {

    private static final Path DIR = Path.of("server-config");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertTheIssueAsksForIsThereWithASeverity() throws IOException {
        Map<String, Object> file;
        try (Reader in = Files.newBufferedReader(DIR.resolve("prometheus-alerts.yml"), StandardCharsets.UTF_8)) {
            file = new Yaml().load(in);
        }
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String expr = (String) rule.get("expr");
                assertTrue(expr != null && !expr.isBlank(), rule.toString());
                assertTrue(((Map<String, Object>) rule.get("labels")).containsKey("severity"), rule.toString());
                alerts.add((String) rule.get("alert"));
            }
        }
        assertEquals(List.of("NarasiMigrationFailed", "NarasiMigrationTooLong", "NarasiPendingChangesets", "NarasiNotReady",
                "NarasiLoginFailuresSpiking"), alerts);
        String rules = Files.readString(DIR.resolve("prometheus-alerts.yml"));
        for (String metric : List.of("narasi_migration_changesets_failed_total", "narasi_migration_runs_total",
                "narasi_migration_changeset_running_seconds", "narasi_migration_changesets_overdue_total",
                "narasi_migration_changesets_pending", "narasi_auth_logins_total")) {
            assertTrue(rules.contains(metric), metric);
        }
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install -y prometheus provides /usr/bin/promtool)");
        assertEquals("", promtool("check", "rules", "prometheus-alerts.yml"));
        assertEquals("", promtool("test", "rules", "prometheus-alerts.test.yml"));
    }

    /** Empty when promtool succeeded, else its output. */
    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        return process.exitValue() == 0 ? "" : output;
    }
}
