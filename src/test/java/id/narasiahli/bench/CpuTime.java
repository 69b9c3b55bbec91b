package id.narasiahli.bench;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /**
     * CPU milliseconds used so far by one PostgreSQL server: its postmaster {@code postmasterPid} and the processes it
     * started (backends, writers), not any other PostgreSQL on the machine.
     */
    static double ofPostgres(long postmasterPid) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(pid -> pid == postmasterPid || parentOf(pid) == postmasterPid).mapToDouble(CpuTime::ofProcess).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The postmaster of the server {@code dataSource} reaches: the first line of postmaster.pid in its data directory. */
    static long postmasterOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW data_directory")) {
            r.next();
            return Long.parseLong(Files.readAllLines(Path.of(r.getString(1), "postmaster.pid")).get(0).trim());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot find the test database's postmaster: " + e, e);
        }
    }

    private static long parentOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
