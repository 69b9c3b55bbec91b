package id.narasiahli.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro started with the production command (see {@link PayaraMicroCommand}) as its own process,
 * its output kept in target/it/&lt;name&gt;.log. For tests about how the service starts, fails to start or restarts.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    /** Payara Micro's last boot line, printed whether or not the deployment succeeded. */
    private static final String BOOTED = "ready in";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path logFile;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PayaraMicroProcess(Process process, Path logFile, int port) {
        this.process = process;
        this.logFile = logFile;
        this.port = port;
    }

    /** Starts the production WAR against {@code database}; {@code environment} adds or overrides variables. */
    public static PayaraMicroProcess start(String name, String database, Map<String, String> environment) {
        return start(name, database, environment, Path.of(System.getProperty("narasi.it.war")));
    }

    public static PayaraMicroProcess start(String name, String database, Map<String, String> environment, Path war) {
        int port = freePort();
        Path logFile = workDir().resolve(name + ".log");
        Map<String, String> env = new HashMap<>();
        env.put("DB_NAME", database);
        env.putAll(environment);
        PayaraMicroCommand command = new PayaraMicroCommand(
                Path.of(System.getProperty("narasi.it.payaraMicroJar")), Path.of(System.getProperty("narasi.it.postgresqlJar")),
                Path.of(System.getProperty("narasi.it.postBootFile")), war, port, false);
        try {
            Process process = command.processBuilder(env)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            PayaraMicroProcess started = new PayaraMicroProcess(process, logFile, port);
            started.awaitBoot();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Payara Micro", e);
        }
    }

    public static Path workDir() {
        Path dir = Path.of(System.getProperty("narasi.it.workDir", "target/it"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitBoot() {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(BOOTED)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; log: " + logFile);
            }
            sleep(250);
        }
        throw new IllegalStateException("Payara Micro did not boot within " + BOOT_TIMEOUT + "; log: " + logFile);
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
