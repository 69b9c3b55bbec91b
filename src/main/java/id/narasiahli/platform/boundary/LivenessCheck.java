package id.narasiahli.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * Liveness says only whether this JVM can still do work; it never depends on the database, so a
 * database outage makes instances not-ready instead of getting them restarted.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    /** Above this share of the maximum heap, even after collection, the instance is considered stuck. */
    private static final double HEAP_LIMIT = 0.98;

    @Override
    public HealthCheckResponse call() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        double used = (double) heap.getUsed() / max;
        return HealthCheckResponse.named("jvm")
                .status(used < HEAP_LIMIT)
                .withData("heapUsedBytes", heap.getUsed())
                .withData("heapMaxBytes", max)
                .withData("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime())
                .build();
    }
}
