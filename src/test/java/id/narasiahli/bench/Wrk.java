package id.narasiahli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian's package) with two threads and 16 connections, and reads its summary. */
final class Wrk {

    static final int THREADS = 2;
    static final int CONNECTIONS = 16;

    /**
     * {@code serverCpuMicros} and {@code postgresCpuMicros}: CPU time per request of the server's JVM and of every
     * PostgreSQL process during the measured run (NaN when not measured).
     */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx, long requests,
                  double serverCpuMicros, double postgresCpuMicros) {

        String line(String name) {
            return String.format("  %-46s %9.0f req/s   p50 %7.2f ms   p99 %7.2f ms   CPU/request: server %6.0f us, PostgreSQL %5.0f us%s",
                    name, requestsPerSecond, p50Millis, p99Millis, serverCpuMicros, postgresCpuMicros,
                    non2xx == 0 ? "" : "   NON-2xx " + non2xx);
        }

        /** Server plus database CPU per request. */
        double cpuMicros() {
            return serverCpuMicros + postgresCpuMicros;
        }
    }

    private Wrk() {
    }

    /**
     * A warm-up run of {@code warmupSeconds}, then the measured run of {@code seconds}, during which the CPU time of
     * process {@code serverPid} and of the PostgreSQL server {@code postmasterPid} is measured.
     */
    static Result run(String url, String accessToken, Path luaScript, int warmupSeconds, int seconds, long serverPid,
                      long postmasterPid) {
        if (warmupSeconds > 0) {
            execute(url, accessToken, luaScript, warmupSeconds);
        }
        double server = CpuTime.ofProcess(serverPid);
        double postgres = CpuTime.ofPostgres(postmasterPid);
        String output = execute(url, accessToken, luaScript, seconds);
        double serverMillis = CpuTime.ofProcess(serverPid) - server;
        double postgresMillis = CpuTime.ofPostgres(postmasterPid) - postgres;
        Result r = parse(output);
        return new Result(r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), r.non2xx(), r.requests(),
                serverMillis * 1000 / r.requests(), postgresMillis * 1000 / r.requests());
    }

    /** The machine's one-minute load average, printed beside figures that depend on it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** A script that turns every request into a POST of {@code json}. */
    static Path postScript(String json) {
        try {
            Path script = Files.createTempFile("wrk-post", ".lua");
            Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = '" + json + "'\n"
                    + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
            script.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String execute(String url, String accessToken, Path luaScript, int seconds) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--latency", "--timeout", "10s"));
        if (accessToken != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + accessToken));
        }
        if (luaScript != null) {
            command.addAll(List.of("-s", luaScript.toString()));
        }
        command.add(url);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("wrk not found: apt-get install -y wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result parse(String output) {
        return new Result(number(output, "Requests/sec:\\s+([\\d.]+)"), millis(output, "50%"), millis(output, "99%"),
                (long) numberOr(output, "Non-2xx or 3xx responses:\\s+(\\d+)", 0),
                (long) number(output, "(\\d+) requests in"), Double.NaN, Double.NaN);
    }

    private static double millis(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " in wrk output: " + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String regex) {
        double value = numberOr(output, regex, Double.NaN);
        if (Double.isNaN(value)) {
            throw new IllegalStateException("no " + regex + " in wrk output: " + output);
        }
        return value;
    }

    private static double numberOr(String output, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }
}
