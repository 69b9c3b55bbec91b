package id.narasiahli.platform;

import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The served /openapi passes Redocly's lint (its recommended rules) with no error: the outside tool itself, run
 * with npx as a process of its own, not a Java imitation of its rules. npx fetches the pinned release from npm on
 * the first run (19 MB, about 5 s here) and then from its cache; .ci/run installs Debian's nodejs and npm when npx is
 * missing. Of the warnings only info-license is accepted (src/site/markdown/api-contract.md says why).
 */
class OpenApiLintIT {

    static final String REDOCLY = "@redocly/cli@2.77.0";
    private static final long TIMEOUT_MINUTES = 5;
    private static final Path WORK = Path.of(System.getProperty("narasi.it.workDir", "target/it")).resolveSibling("openapi-lint");

    private record Lint(int exitCode, JsonObject report, long millis) {
        int count(String totalsKey) {
            return report.getJsonObject("totals").getInt(totalsKey);
        }
    }

    @Test
    void theServedDocumentPassesRedoclyLintWithNoError() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SharedServer.get().baseUri()
                .resolve("/openapi")).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode(), served.body());
        Files.createDirectories(WORK);
        Lint lint = lint(Files.writeString(WORK.resolve("openapi.json"), served.body()));

        Map<String, Integer> warnings = new TreeMap<>();
        StringBuilder errors = new StringBuilder();
        for (JsonValue value : lint.report().getJsonArray("problems")) {
            JsonObject problem = value.asJsonObject();
            if ("error".equals(problem.getString("severity"))) {
                errors.append("\n  ").append(problem.getString("ruleId")).append(" at ")
                        .append(problem.getJsonArray("location").getJsonObject(0).getString("pointer", "?")).append(": ")
                        .append(problem.getString("message"));
            } else {
                warnings.merge(problem.getString("ruleId"), 1, Integer::sum);
            }
        }
        System.out.printf("OpenApiLintIT: %s lint in %.1f s: %d errors, %d warnings %s%n", REDOCLY, lint.millis() / 1000.0,
                lint.count("errors"), lint.count("warnings"), warnings);
        assertEquals(0, lint.count("errors"), "redocly lint errors:" + errors);
        assertEquals(0, lint.exitCode(), "redocly lint exit code");
        // the one warning left: the project states no licence (src/site/markdown/api-contract.md)
        Set<String> kinds = new TreeSet<>(warnings.keySet());
        kinds.remove("info-license");
        assertEquals(Set.of(), kinds, "new kinds of warning: " + warnings);

        // the same document with one operation's responses taken out: the lint must see that, or it checked nothing
        JsonObject document = Json.createReader(new StringReader(served.body())).readObject();
        String path = document.getJsonObject("paths").keySet().iterator().next();
        JsonObject item = document.getJsonObject("paths").getJsonObject(path);
        String verb = item.keySet().stream().filter(List.of("get", "put", "post", "delete", "patch")::contains).findFirst().orElseThrow();
        JsonObject broken = Json.createObjectBuilder(document).add("paths", Json.createObjectBuilder(document.getJsonObject("paths"))
                .add(path, Json.createObjectBuilder(item).add(verb, Json.createObjectBuilder(item.getJsonObject(verb))
                        .remove("responses")))).build();
        Lint ofBroken = lint(Files.writeString(WORK.resolve("openapi-without-responses.json"), broken.toString()));
        assertTrue(ofBroken.count("errors") > 0, "no error for " + verb + " " + path + " without responses: " + ofBroken.report());
        assertNotEquals(0, ofBroken.exitCode(), "exit code with errors");
    }

    private static Lint lint(Path document) throws IOException, InterruptedException {
        Path report = document.resolveSibling(document.getFileName() + ".lint.json");
        Path log = document.resolveSibling(document.getFileName() + ".lint.log");
        ProcessBuilder command = new ProcessBuilder(List.of("npx", "--yes", REDOCLY, "lint", "--extends=recommended",
                "--format=json", document.toString())).redirectOutput(report.toFile()).redirectError(log.toFile());
        command.environment().put("REDOCLY_TELEMETRY", "off");
        command.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            throw new AssertionError("npx is needed to run " + REDOCLY + " (Debian: apt-get install nodejs npm, as .ci/run does): "
                    + e.getMessage(), e);
        }
        long started = System.nanoTime();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("redocly lint took over " + TIMEOUT_MINUTES + " min: " + Files.readString(log));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String output = Files.readString(report);
        if (!output.trim().startsWith("{")) {
            fail("no JSON report from redocly (exit " + process.exitValue() + "): " + output + Files.readString(log));
        }
        return new Lint(process.exitValue(), Json.createReader(new StringReader(output)).readObject(), millis);
    }
}
