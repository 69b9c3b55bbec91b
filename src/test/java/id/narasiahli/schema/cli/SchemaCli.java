package id.narasiahli.schema.cli;

import id.narasiahli.testsupport.database.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs target/runtime/narasi-schema.jar as an operator would: a separate {@code java -jar} process with the
 * server's DB_* variables, no terminal (so nothing can be confirmed by typing), stdout and stderr captured.
 */
public final class SchemaCli {

    static final Path JAR = Path.of(System.getProperty("narasi.it.schemaJar", "target/runtime/narasi-schema.jar"));
    /** The command with the test changelogs on its class path (test-changelogs/cli). */
    static final String TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

    public record Result(int exit, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private SchemaCli() {
    }

    /** {@code java -jar narasi-schema.jar args} against {@code database} on the test server. */
    public static Result run(String database, String... args) {
        return run(database, false, args);
    }

    /** The same jar, with the test changelogs next to it on the class path. */
    static Result runWithTestChangelogs(String database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--changelog-file");
        all.add("test-changelogs/cli/cli-master.xml");
        return run(database, true, all.toArray(String[]::new));
    }

    private static Result run(String database, boolean testChangelogs, String... args) {
        return exec(environment(database), testChangelogs, args);
    }

    /**
     * With the test changelogs, DB_PASSWORD set (the test server trusts every login, so any password connects) and
     * {@code stdin} on standard input.
     */
    static Result runWithPassword(String database, String password, String stdin, String... args) {
        Map<String, String> environment = new java.util.HashMap<>(environment(database));
        environment.put("DB_PASSWORD", password);
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--changelog-file");
        all.add("test-changelogs/cli/cli-master.xml");
        return exec(environment, true, stdin, all.toArray(String[]::new));
    }

    private static Map<String, String> environment(String database) {
        return Map.of("DB_HOST", "localhost", "DB_PORT", Integer.toString(TestDatabase.port()), "DB_NAME", database,
                "DB_USER", TestDatabase.USER, "DB_SSL", "disable");
    }

    static Result exec(Map<String, String> environment, boolean testChangelogs, String... args) {
        return exec(environment, testChangelogs, null, args);
    }

    private static Result exec(Map<String, String> environment, boolean testChangelogs, String stdin, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: mvn package writes it");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(testChangelogs ? List.of("-cp", JAR.toAbsolutePath() + java.io.File.pathSeparator + TEST_CLASSES,
                SchemaCommand.class.getName()) : List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("NARASI_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (var input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("narasi-schema " + String.join(" ", args) + " did not end within 5 minutes");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A top-level field of a JSON document, as text (the tests read only a few simple values). */
    static String field(String json, String name) {
        jakarta.json.JsonObject object = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
        jakarta.json.JsonValue value = object.get(name);
        return value == null || value.getValueType() == jakarta.json.JsonValue.ValueType.NULL ? null
                : value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }

    public static jakarta.json.JsonObject json(Result result) {
        return jakarta.json.Json.createReader(new java.io.StringReader(result.out())).readObject();
    }
}
