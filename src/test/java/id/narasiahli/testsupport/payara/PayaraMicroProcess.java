package id.narasiahli.testsupport.payara;

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
    /** 300 s; -Dnarasi.it.bootTimeoutSeconds=N on a machine so loaded that a boot takes longer. */
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(Long.getLong("narasi.it.bootTimeoutSeconds", 300));

    private final Process process;
    private final Path logFile;
    private final int port;
    private final long launchedAt;
    /**
     * HTTP/1.1 only. With the client's default (HTTP/2, an h2c upgrade on plain HTTP), probes twice kept
     * timing out for minutes against an instance whose log said it was ready; plain HTTP/1.1 probes did not.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PayaraMicroProcess(Process process, Path logFile, int port, long launchedAt) {
        this.process = process;
        this.logFile = logFile;
        this.port = port;
        this.launchedAt = launchedAt;
    }

    /** Starts the production WAR against {@code database}; {@code environment} adds or overrides variables. */
    public static PayaraMicroProcess start(String name, String database, Map<String, String> environment) {
        return start(name, database, environment, Path.of(System.getProperty("narasi.it.war")));
    }

    public static PayaraMicroProcess start(String name, String database, Map<String, String> environment, Path war) {
        PayaraMicroProcess started = launch(name, database, environment, war);
        try {
            started.awaitBoot();
        } catch (RuntimeException e) {
            started.close(); // a boot that timed out must not leave a Payara running after the tests
            throw e;
        }
        return started;
    }

    /** Starts the process and returns at once, for tests about what happens while it boots and migrates. */
    public static PayaraMicroProcess launch(String name, String database, Map<String, String> environment, Path war) {
        return launch(name, database, environment, war, null);
    }

    /** Like {@link #launch}, but joining the Payara data grid {@code clusterName} as production instances do. */
    public static PayaraMicroProcess launchClustered(String name, String database, String clusterName) {
        return launch(name, database, Map.of(), Path.of(System.getProperty("narasi.it.war")), clusterName);
    }

    private static PayaraMicroProcess launch(String name, String database, Map<String, String> environment, Path war,
                                             String clusterName) {
        int port = freePort();
        Path logFile = workDir().resolve(name + ".log");
        Map<String, String> env = new HashMap<>();
        env.put("DB_NAME", database);
        env.putAll(environment);
        PayaraMicroCommand command = new PayaraMicroCommand(
                Path.of(System.getProperty("narasi.it.payaraMicroJar")), Path.of(System.getProperty("narasi.it.postgresqlJar")),
                Path.of(System.getProperty("narasi.it.postBootFile")), war, port, clusterName);
        try {
            long launchedAt = System.nanoTime();
            Process process = command.processBuilder(env)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            return new PayaraMicroProcess(process, logFile, port, launchedAt);
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

    /**
     * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out (port 0) can be
     * taken by an outgoing JDBC or Hazelcast connection before Payara binds it, and the listener then fails to start.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = 20000 + random.nextInt(12000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port found between 20000 and 32000"));
    }

    /** Waits for Payara Micro's last boot line, which comes after the deployment succeeded or failed. */
    public void awaitBoot() {
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

    /** Waits until /health/ready answers 200 and returns the time since launch. */
    public Duration awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; log: " + logFile);
            }
            if (readiness().ready()) {
                return Duration.ofNanos(System.nanoTime() - launchedAt);
            }
            failIfListenerLost();
            sleep(250);
        }
        throw new IllegalStateException("Not ready within " + timeout + ": " + readiness() + "; log: " + logFile);
    }

    /** Payara's sign of an HTTP listener that will never accept a connection: fail now rather than at the timeout. */
    private void failIfListenerLost() {
        if (log().contains("GrizzlyProxy is NULL")) {
            throw new IllegalStateException("Payara Micro lost its HTTP listener (GrizzlyProxy is NULL); log: " + logFile);
        }
    }

    /**
     * Waits until {@code path} answers 200 and returns the time since launch; for a WAR without our schema check
     * (a benchmark's bare application), where {@link #awaitReady} would wait for a check that never comes.
     */
    public Duration awaitOk(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; log: " + logFile);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedAt);
                }
            } catch (IOException e) {
                // still booting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("No 200 from " + path + " within " + timeout + "; log: " + logFile);
    }

    /** /health/ready now; a refused connection (still booting) counts as not ready. */
    public Readiness readiness() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return Readiness.of(response.statusCode(), response.body());
        } catch (IOException e) {
            return Readiness.unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no connection closed by Java; only the kernel closes the sockets. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Payara Micro " + process.pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
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
