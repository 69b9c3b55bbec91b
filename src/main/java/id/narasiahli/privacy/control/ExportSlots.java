package id.narasiahli.privacy.control;

import id.narasiahli.platform.control.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An export streams straight from the database and holds a pooled connection until the client has read
 * the last byte, so slow readers could take the whole pool. Each instance therefore runs at most
 * {@code narasi.export.max-concurrent} exports (default 4, well below the pool's 20) and one per user at a
 * time; beyond that the answer is 429 with Retry-After ({@code narasi.export.retry-after-seconds}, 30).
 */
@ApplicationScoped
public class ExportSlots {

    @Inject
    @ConfigProperty(name = "narasi.export.max-concurrent", defaultValue = "4")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "narasi.export.retry-after-seconds", defaultValue = "30")
    long retryAfterSeconds;

    private Semaphore overall;
    private final Set<Integer> exporting = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void size() {
        overall = new Semaphore(maxConcurrent);
    }

    /** A slot for one export by {@code userId}; close it when the stream ends (however it ends). */
    public Slot acquire(int userId) {
        if (!exporting.add(userId)) {
            throw ApiException.tooManyRequests("Your previous export is still being sent; one at a time", retryAfterSeconds);
        }
        if (!overall.tryAcquire()) {
            exporting.remove(userId);
            throw ApiException.tooManyRequests("Too many exports are running; try again in " + retryAfterSeconds + " seconds",
                    retryAfterSeconds);
        }
        return new Slot(userId);
    }

    public final class Slot implements AutoCloseable {

        private final int userId;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Slot(int userId) {
            this.userId = userId;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                overall.release();
                exporting.remove(userId);
            }
        }
    }
}
