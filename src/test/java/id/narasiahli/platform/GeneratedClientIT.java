package id.narasiahli.platform;

import id.narasiahli.testsupport.payara.SharedServer;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Java client generated from what the running server serves at /openapi works: openapi-generator (the engine of
 * openapi-generator-maven-plugin, same release) writes it with its spec validation on, javac compiles it together
 * with src/test/client/.../ClientScenario (which uses only that client, so it compiles only if login and refresh
 * return typed tokens), and the scenario runs against the server. Done inside the test on the shared server: the
 * document exists only once the server runs, and it costs no Payara boot of its own.
 */
class GeneratedClientIT {

    private static final Path WORK = Path.of(System.getProperty("narasi.it.workDir", "target/it")).resolveSibling("generated-client");

    @Test
    void aClientGeneratedFromTheServedDocumentRunsANewUsersSession() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SharedServer.get().baseUri()
                .resolve("/openapi")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode(), served.body());
        Path spec = WORK.resolve("openapi.yaml");
        Files.createDirectories(WORK);
        Files.writeString(spec, served.body());

        Path sources = WORK.resolve("src");
        Path classes = WORK.resolve("classes");
        for (Path stale : List.of(sources, classes)) { // models of an earlier document would compile along otherwise
            if (Files.exists(stale)) {
                try (Stream<Path> walk = Files.walk(stale)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        ClientOptInput input = new CodegenConfigurator()
                .setGeneratorName("java").setLibrary("native")
                .setInputSpec(spec.toString()).setOutputDir(sources.toString())
                .setInvokerPackage("id.narasiahli.client").setApiPackage("id.narasiahli.client.api")
                .setModelPackage("id.narasiahli.client.model")
                .setValidateSpec(true)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .toClientOptInput(); // throws, listing the problems, when the document fails the validation
        new DefaultGenerator().opts(input).generate();

        Files.createDirectories(classes);
        List<File> files = new ArrayList<>();
        for (Path root : List.of(sources.resolve("src/main/java"), Path.of(System.getProperty("narasi.it.projectDir", "."),
                "src/test/client"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(f -> files.add(f.toFile()));
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            boolean compiled = javac.getTask(null, fileManager, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", classpath, "-proc:none", "-nowarn", "-encoding", "UTF-8"),
                    null, fileManager.getJavaFileObjectsFromFiles(files)).call();
            assertTrue(compiled, "the generated client or the scenario does not compile: " + diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).limit(10).map(Object::toString).toList());
        }

        AtomicBoolean checkedRows = new AtomicBoolean();
        Map<String, Object> seen;
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            BiFunction<String, Consumer<Map<String, Object>>, Map<String, Object>> scenario =
                    (BiFunction<String, Consumer<Map<String, Object>>, Map<String, Object>>) loader
                    .loadClass("id.narasiahli.client.ClientScenario").getDeclaredConstructor().newInstance();
            seen = scenario.apply(SharedServer.get().baseUri().toString(), sofar -> {
                rowsOfTheClientsUser(sofar);
                checkedRows.set(true);
            });
        }
        assertTrue(checkedRows.get(), "the scenario checked the rows before deleting the account");
        int id = (Integer) seen.get("registeredId");
        String email = (String) seen.get("registeredEmail");
        assertEquals("Bearer", seen.get("loginTokenType"), seen.toString());
        assertEquals(true, seen.get("refreshRotated"), "refresh returns the new pair: " + seen);
        assertEquals(true, seen.get("newRefreshWorks"), seen.toString());
        assertEquals(id, seen.get("meId"), seen.toString());
        assertEquals(email, seen.get("meEmail"), seen.toString());
        assertEquals("Peneliti Data", seen.get("patchedJobTitle"), "the merge patch through the client: " + seen);
        assertEquals("+6281234567890", seen.get("patchedPhone"), seen.toString());
        assertEquals("Generated Client", seen.get("patchedFullName"), "a field left out of the patch stays: " + seen);
        assertEquals("Peneliti Data", seen.get("rereadJobTitle"), seen.toString());
        assertEquals(1L, ((Number) seen.get("educationTotal")).longValue(), seen.toString());
        assertEquals(true, seen.get("listedSameCreatedAt"), seen.toString());
        assertEquals(2L, ((Number) seen.get("educationTotalWithSecond")).longValue(), seen.toString());
        assertEquals(1L, ((Number) seen.get("educationTotalAfterDelete")).longValue(), "deleted through the client: " + seen);
        assertTrue(((String) seen.get("certificateImage")).startsWith("/api/files/"), seen.toString());
        assertEquals(true, seen.get("downloadedSameBytes"), "the binary download through the client: " + seen);
        assertEquals(seen.get("otherId"), seen.get("conversationParticipant"), seen.toString());
        assertEquals("Halo", seen.get("messageText"), seen.toString());
        assertEquals("image", seen.get("attachmentType"), "a multipart message through the client: " + seen);
        assertEquals("the certificate", seen.get("attachmentCaption"), seen.toString());
        assertEquals(seen.get("aiSessionId"), seen.get("aiMessageSession"), seen.toString());
        assertTrue(((String) seen.get("aiSessionKey")).length() > 0, "a generated aiSessionId: " + seen);
        assertEquals("Apa dampak subsidi energi?", seen.get("aiMessageContent"), seen.toString());
        assertEquals(1, seen.get("aiMessageCount"), "the session counts the message: " + seen);
        // the export, as the generated client read it (a JSON object of tables of rows)
        assertEquals(id, ((Number) seen.get("exportUserId")).intValue(), seen.toString());
        assertEquals(email, seen.get("exportEmail"), seen.toString());
        assertEquals("Peneliti Data", seen.get("exportJobTitle"), seen.toString());
        assertEquals("+6281234567890", seen.get("exportPhone"), "the export decrypts the phone number: " + seen);
        assertEquals(1, seen.get("export education_histories"), seen.toString());
        assertEquals(2, seen.get("export chat_messages"), "the text and the file: " + seen);
        assertEquals(1, seen.get("export ai_chat_sessions"), seen.toString());
        assertEquals(1, seen.get("export ai_chat_messages"), seen.toString());
        // the account the client made and deleted, as PostgreSQL has it
        assertTrue(email.startsWith("client-"), email);
        assertEquals("0", SharedServer.queryValue("SELECT count(*) FROM users WHERE id = ?", id), "the account is gone");
        assertEquals("0", SharedServer.queryValue("SELECT count(*) FROM education_histories WHERE user_id = ?", id));
        assertEquals("0", SharedServer.queryValue("SELECT count(*) FROM ai_chat_sessions WHERE user_id = ?", id));
    }

    /** What the scenario did, as PostgreSQL holds it, just before the scenario deletes the account. */
    private static void rowsOfTheClientsUser(Map<String, Object> seen) {
        int id = (Integer) seen.get("registeredId");
        assertEquals("Peneliti Data", SharedServer.queryValue("SELECT last_job_title FROM users WHERE id = ?", id));
        String storedPhone = SharedServer.queryValue("SELECT phone_number FROM users WHERE id = ?", id);
        assertTrue(storedPhone != null && !storedPhone.contains("81234567890"), "stored encrypted, not as sent: " + storedPhone);
        assertEquals("1", SharedServer.queryValue("SELECT count(*) FROM education_histories WHERE user_id = ?", id));
        assertEquals("0", SharedServer.queryValue("SELECT count(*) FROM education_histories WHERE id = ?", seen.get("deletedEducationId")),
                "the deleted entry");
        assertEquals("Riset kebijakan energi|1", SharedServer.queryValue(
                "SELECT title || '|' || message_count FROM ai_chat_sessions WHERE id = ? AND user_id = ?", seen.get("aiSessionId"), id));
        assertEquals("user|Apa dampak subsidi energi?", SharedServer.queryValue(
                "SELECT message_type || '|' || content FROM ai_chat_messages WHERE id = ? AND session_id = ?",
                seen.get("aiMessageId"), seen.get("aiSessionId")));
        assertEquals("2", SharedServer.queryValue("SELECT count(*) FROM chat_messages WHERE conversation_id = ? AND sender_id = ?",
                seen.get("conversationId"), id));
    }
}
