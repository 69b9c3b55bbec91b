package id.narasiahli.platform.control;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A scheduler of the application's own, on one daemon thread that inherits no inheritable thread locals (Liquibase
 * keeps its scope in one, so a thread made during a migration would carry that migration's scope). Not the
 * container's managed scheduler: a managed task that fires while Payara Server shuts down sets up its context
 * against services already stopped and logs SEVERE (seen in PayaraServerIT). Its owner shuts it down.
 */
public final class DaemonScheduler {

    private DaemonScheduler() {
    }

    public static ScheduledExecutorService named(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(null, task, threadName, 0, false);
            thread.setDaemon(true);
            return thread;
        });
    }
}
