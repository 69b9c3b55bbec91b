package id.narasiahli.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What PostgreSQL serves for an endpoint's statements without us: {@link Wrk#CONNECTIONS} threads, each on its
 * own connection with prepared statements, run the statements of one request (in one transaction, as the
 * endpoint does) in a loop for a fixed time. The rate is requests (statement groups) per second.
 */
final class SqlLoop {

    /** One statement and its parameters. */
    record Statement(String sql, Object... parameters) {
    }

    private SqlLoop() {
    }

    static double requestsPerSecond(DataSource dataSource, int warmupSeconds, int seconds, List<Statement> request) {
        run(dataSource, warmupSeconds, request);
        return run(dataSource, seconds, request) / (double) seconds;
    }

    private static long run(DataSource dataSource, int seconds, List<Statement> request) {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < Wrk.CONNECTIONS; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    List<PreparedStatement> prepared = new ArrayList<>();
                    for (Statement s : request) {
                        PreparedStatement p = c.prepareStatement(s.sql());
                        for (int i = 0; i < s.parameters().length; i++) {
                            p.setObject(i + 1, s.parameters()[i]);
                        }
                        prepared.add(p);
                    }
                    while (!stop.get()) {
                        for (PreparedStatement p : prepared) {
                            if (p.execute()) {
                                try (ResultSet rows = p.getResultSet()) {
                                    while (rows.next()) {
                                        rows.getObject(1);
                                    }
                                }
                            }
                        }
                        c.commit();
                        done.increment();
                    }
                } catch (SQLException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        sleep(seconds * 1000L);
        stop.set(true);
        threads.forEach(SqlLoop::join);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("SQL loop failed: " + failures.get(0), failures.get(0));
        }
        return done.sum();
    }

    private static void join(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
