package id.narasiahli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) that processes used, from /proc: what a request costs the server whatever else runs on
 * the machine. Throughput on a shared machine measures the other builds as much as the code; CPU per request much less.
 */
final class CpuTime {

    /** Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ) on every architecture the JDK runs on. */
    private static final double TICK_MILLIS = 10.0;

    private CpuTime() {
    }

    /** CPU milliseconds used so far by process {@code pid} (its threads included); 0 once it has gone. */
    static double ofProcess(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU milliseconds used so far by every running PostgreSQL process (the embedded server and its backends). */
    static double ofPostgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuTime::isPostgres).mapToDouble(p -> ofProcess(Long.parseLong(p.getFileName().toString()))).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }
}
