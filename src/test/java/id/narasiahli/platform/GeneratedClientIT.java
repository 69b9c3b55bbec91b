package id.narasiahli.platform;

import id.narasiahli.testsupport.payara.SharedServer;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

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
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Java client generated from the running server's /openapi works: openapi-generator (the engine of
 * openapi-generator-maven-plugin, same release) with spec validation on writes it, javac compiles it together with
 * src/test/client (a scenario that uses only that client), and the scenario runs against the server. Done inside the
 * test, on the shared server, so it costs no extra Payara boot and runs alone with -Dit.test=GeneratedClientIT.
 */
class GeneratedClientIT {

    private static final Path WORK = Path.of(System.getProperty("narasi.it.workDir", "target/it")).resolveSibling("generated-client");

    @Test
    @Disabled("issue 17, open: generation with validation passes and the client compiles, but Payara documents the"
            + " multipart operations as */* objects and inlines @Schema(implementation) of Response methods, so the"
            + " scenario cannot upload; see src/site/markdown/api-contract.md, 'Still open'")
    void aClientGeneratedFromTheServedDocumentRunsANewUsersSession() throws Exception {
        String base = SharedServer.get().baseUri().toString();
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SharedServer.get().baseUri()
                .resolve("/openapi")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode(), served.body());
        Path spec = WORK.resolve("openapi.yaml");
        Files.createDirectories(WORK);
        Files.writeString(spec, served.body());

        Path sources = WORK.resolve("src");
        CodegenConfigurator config = new CodegenConfigurator()
                .setGeneratorName("java").setLibrary("native")
                .setInputSpec(spec.toString()).setOutputDir(sources.toString())
                .setInvokerPackage("id.narasiahli.client").setApiPackage("id.narasiahli.client.api")
                .setModelPackage("id.narasiahli.client.model")
                .setValidateSpec(true)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true);
        new DefaultGenerator().opts(config.toClientOptInput()).generate();

        Path classes = WORK.resolve("classes");
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
            assertTrue(compiled, "the generated client does not compile: " + diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).limit(10).map(Object::toString).toList());
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            Function<String, Integer> scenario = (Function<String, Integer>) loader.loadClass("id.narasiahli.client.ClientScenario")
                    .getDeclaredConstructor().newInstance();
            int deleted = scenario.apply(base);
            assertEquals("0", SharedServer.queryValue("SELECT count(*) FROM users WHERE id = ?", deleted), "the account is gone");
            assertEquals("0", SharedServer.queryValue("SELECT count(*) FROM education_histories WHERE user_id = ?", deleted));
        }
    }
}
