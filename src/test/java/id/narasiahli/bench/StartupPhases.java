package id.narasiahli.bench;

import id.narasiahli.testsupport.payara.PayaraMicroProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a boot's time goes: async-profiler's wall-clock samples (every {@value #INTERVAL_MS} ms, whatever the
 * thread is doing: running, loading classes, waiting) of the JVM's main thread, which runs Payara Micro's boot,
 * the deployment and the applications' start from launch to ready. Each sample goes to the first phase below
 * whose frame is on its stack. JFR's execution samples miss most of this (class loading and waiting are not
 * "running Java"), which is why the benchmark uses a wall-clock profiler here. async-profiler comes from
 * Maven Central (tools.profiler:async-profiler, Apache-2.0) in the bench profile only.
 */
final class StartupPhases {

    static final int INTERVAL_MS = 10;

    private record Phase(String name, Pattern frame) {
    }

    private static final List<Phase> PHASES = List.of(
            phase("schema check (SchemaMigrator: Liquibase status)", "id/narasiahli/schema/migration/boundary/SchemaMigrator\\."),
            phase("other startup singletons", "org/glassfish/ejb/startup/SingletonLifeCycleManager\\."),
            phase("the WAR's web module start (Jersey, servlets)", "com/sun/enterprise/web/WebApplication\\.start"),
            phase("class-model parse of the WAR (every class)", "com/sun/enterprise/v3/server/ApplicationLifecycle\\.getDeployableTypes"),
            phase("CDI: Weld bootstrap", "org/glassfish/weld/WeldDeployer\\."),
            phase("EJB containers", "org/glassfish/ejb/startup/(EjbDeployer|EjbApplication)\\."),
            phase("JPA: EclipseLink predeploy, connection pool", "org/glassfish/persistence/jpa/JPADeployer"),
            phase("descriptors and annotations", "org/glassfish/javaee/core/deployment/DolProvider\\."),
            phase("web container, system applications", "com/sun/enterprise/v3/server/ApplicationLifecycle\\.(startEngine|setupContainer)"),
            phase("rest of the deployment", "org/glassfish/deployment/admin/DeployCommand\\.execute"),
            phase("boot and post-boot commands", "fish/payara/boot/runtime/BootCommands|com/sun/enterprise/admin/cli/embeddable/CommandExecutorImpl"),
            phase("Payara runtime start", "fish/payara/micro/boot/runtime/(MicroGlassFish\\.start|MicroGlassFishRuntime)"),
            phase("launcher and the rest", "fish/payara/micro/"));

    private StartupPhases() {
    }

    private static Phase phase(String name, String frame) {
        return new Phase(name, Pattern.compile(frame));
    }

    /**
     * The environment that makes a JVM record its main thread's wall-clock samples into {@code collapsed}
     * (written when the JVM exits), with the agent library copied out of the async-profiler jar.
     */
    static Map<String, String> agent(Path collapsed) {
        Path library = PayaraMicroProcess.workDir().resolve("async-profiler/libasyncProfiler.so");
        try (InputStream in = StartupPhases.class.getClassLoader().getResourceAsStream("linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("-Dbench.startupPhases needs async-profiler on the test class path:"
                        + " run with -Pbench (pom.xml adds tools.profiler:async-profiler there)");
            }
            Files.createDirectories(library.getParent());
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(collapsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("JAVA_TOOL_OPTIONS", "-agentpath:" + library.toAbsolutePath() + "=start,event=wall,interval="
                + INTERVAL_MS + "ms,threads,collapsed,file=" + collapsed.toAbsolutePath());
    }

    /** Seconds of the main thread per phase, in the order above, from one recording. */
    static Map<String, Double> of(Path collapsed) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        PHASES.forEach(phase -> seconds.put(phase.name(), 0.0));
        try {
            for (String line : Files.readAllLines(collapsed)) {
                int space = line.lastIndexOf(' ');
                String[] frames = line.substring(0, space).split(";");
                // the main thread is named DestroyJavaVM once main() has returned, when the recording is written
                if (frames.length < 2 || !(frames[0].startsWith("[main ") || frames[0].startsWith("[DestroyJavaVM "))) {
                    continue;
                }
                long samples = Long.parseLong(line.substring(space + 1));
                for (Phase phase : PHASES) {
                    if (onStack(phase.frame(), frames)) {
                        seconds.merge(phase.name(), samples * INTERVAL_MS / 1000.0, Double::sum);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seconds;
    }

    private static boolean onStack(Pattern frame, String[] frames) {
        for (int i = 1; i < frames.length; i++) {
            if (frame.matcher(frames[i]).lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
