package id.narasiahli.schema.operations.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one schema operation that runs Liquibase commands run at a time in this JVM. Liquibase keeps
 * process-wide state (its lock service factory, the executor a SQL-only command swaps in) that its
 * commands reset when they end, so two at once would disturb each other; instances are kept apart by the
 * migration lock in the database instead. A second caller is refused at once, never queued.
 */
@ApplicationScoped
public class OperationGate {

    private final ReentrantLock lock = new ReentrantLock();
    private volatile String running;

    public <T> T run(String operation, Actor actor, Supplier<T> action) {
        if (!lock.tryLock()) {
            throw SchemaOperationException.busy(running == null ? "starting" : running);
        }
        try {
            running = operation + " by " + actor + " since " + Instant.now();
            return action.get();
        } finally {
            running = null;
            lock.unlock();
        }
    }
}
