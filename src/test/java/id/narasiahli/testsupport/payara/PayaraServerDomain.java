package id.narasiahli.testsupport.payara;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A Payara Server domain of its own in target/it/payara-server-domains, on ports reserved for it (never the
 * defaults, which another domain on the machine may use), administered with the distribution's asadmin.
 * Closing stops it, and kills it by its pid file if stopping fails; a shutdown hook does the same if the
 * test JVM is ended first.
 */
public final class PayaraServerDomain implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PayaraServerDomain.class.getName());
    private static final long COMMAND_TIMEOUT_SECONDS = 300;

    private final Path home;
    private final Path domainDir;
    private final String name;
    private final Path passwordFile;
    private final int adminPort;
    private final int httpPort;
    private final Thread killOnExit = new Thread(this::killByPidFile, "payara-server-domain-kill");

    private PayaraServerDomain(Path home, Path domainDir, String name, Path passwordFile, int adminPort, int httpPort) {
        this.home = home;
        this.domainDir = domainDir;
        this.name = name;
        this.passwordFile = passwordFile;
        this.adminPort = adminPort;
        this.httpPort = httpPort;
    }

    /** Creates the domain (admin user with a random password, every listener on a free port); does not start it. */
    public static PayaraServerDomain create(String name) {
        Path home = Path.of(System.getProperty("narasi.it.payaraServerHome"));
        Path work = PayaraMicroProcess.workDir();
        Path domainDir = work.resolve("payara-server-domains");
        try {
            deleteRecursively(domainDir.resolve(name)); // a previous run's domain
            Files.createDirectories(domainDir);
            Path passwordFile = work.resolve(name + ".password");
            Files.writeString(passwordFile, "AS_ADMIN_PASSWORD=" + UUID.randomUUID() + "\n");
            PayaraServerDomain domain = new PayaraServerDomain(home, domainDir, name, passwordFile,
                    PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort());
            String ports = String.join(":",
                    "http.ssl.port=" + PayaraMicroProcess.freePort(),
                    "jms.port=" + PayaraMicroProcess.freePort(),
                    "domain.jmxPort=" + PayaraMicroProcess.freePort(),
                    "orb.listener.port=" + PayaraMicroProcess.freePort(),
                    "orb.ssl.port=" + PayaraMicroProcess.freePort(),
                    "orb.mutualauth.port=" + PayaraMicroProcess.freePort(),
                    "osgi.shell.telnet.port=" + PayaraMicroProcess.freePort(),
                    "java.debugger.port=" + PayaraMicroProcess.freePort());
            domain.run(Map.of(), "create-domain", "--domaindir", domainDir.toString(),
                    "--adminport", Integer.toString(domain.adminPort), "--instanceport", Integer.toString(domain.httpPort),
                    "--domainproperties", ports, name);
            return domain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the domain; its JVM inherits {@code environment} (where the asadmin file's ${ENV=…} are read), and
     * {@code options} go to start-domain before the domain's name (e.g. --prebootcommandfile).
     */
    public void start(Map<String, String> environment, String... options) {
        Runtime.getRuntime().addShutdownHook(killOnExit);
        List<String> command = new ArrayList<>(List.of("start-domain", "--domaindir", domainDir.toString()));
        command.addAll(List.of(options));
        command.add(name);
        run(environment, command.toArray(String[]::new));
    }

    public Path domainXml() {
        return domainDir.resolve(name).resolve("config/domain.xml");
    }

    /** A remote command on the running domain, from {@code workingDir}; returns asadmin's output. */
    public String asadmin(Path workingDir, String... command) {
        return run(workingDir, Map.of(), List.of("--port", Integer.toString(adminPort)), command);
    }

    public int httpPort() {
        return httpPort;
    }

    public Path serverLog() {
        return domainDir.resolve(name).resolve("logs/server.log");
    }

    @Override
    public void close() {
        try {
            run(Map.of(), "stop-domain", "--domaindir", domainDir.toString(), name);
        } catch (RuntimeException e) {
            LOG.warning(() -> "stop-domain failed, killing the domain: " + e.getMessage());
        } finally {
            killByPidFile();
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the JVM is exiting already, or the domain was never started
            }
        }
    }

    private void killByPidFile() {
        Path pidFile = domainDir.resolve(name).resolve("config/pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(process -> {
                    process.destroyForcibly();
                    process.onExit().join();
                });
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warning(() -> "Cannot read " + pidFile + ": " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private String run(Map<String, String> environment, String... command) {
        return run(PayaraMicroProcess.workDir(), environment, List.of(), command);
    }

    private String run(Path workingDir, Map<String, String> environment, List<String> options, String... command) {
        List<String> arguments = new ArrayList<>(List.of("bash", home.resolve("bin/asadmin").toString(),
                "--user", "admin", "--passwordfile", passwordFile.toString(), "--interactive=false"));
        arguments.addAll(options);
        arguments.addAll(List.of(command));
        Path output = PayaraMicroProcess.workDir().resolve(name + "-asadmin-" + command[0] + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(arguments).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("asadmin " + command[0] + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
