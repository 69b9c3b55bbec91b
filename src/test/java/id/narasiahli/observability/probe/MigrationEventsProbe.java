package id.narasiahli.observability.probe;

import id.narasiahli.observability.control.MigrationEvents;
import id.narasiahli.observability.control.MigrationEvents.Kind;
import id.narasiahli.observability.control.MigrationMetrics;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.Duration;
import java.util.Locale;

/**
 * Test WAR only (MigrationMetricsIT): plays a migration run through the application's {@link MigrationMetrics} the way
 * the schema code reports one, so the metrics and alerts are checked on a real Payara without a real migration.
 */
@Path("test/migration-events")
public class MigrationEventsProbe {

    @Inject
    MigrationMetrics metrics;

    /** One run of {@code kind}: two changesets, the second failing when {@code fail}, lasting {@code holdMillis}. */
    @POST
    @Path("{kind}")
    public String run(@PathParam("kind") String kind, @QueryParam("fail") boolean fail, @QueryParam("holdMillis") long holdMillis,
                      @QueryParam("pending") int pending) throws InterruptedException {
        MigrationEvents events = metrics;
        Kind k = Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        long start = System.nanoTime();
        events.runStarted(k);
        events.lockWaited(k, Duration.ofMillis(40));
        events.changesetStarted(k, "probe.sql::1::test");
        events.changesetApplied(k, "probe.sql::1::test", Duration.ofMillis(25));
        events.changesetStarted(k, "probe.sql::2::test");
        Thread.sleep(holdMillis);
        Duration second = Duration.ofNanos(System.nanoTime() - start);
        if (fail) {
            events.changesetFailed(k, "probe.sql::2::test", second);
        } else {
            events.changesetApplied(k, "probe.sql::2::test", second);
        }
        events.pendingChangesets(pending);
        events.runFinished(k, Duration.ofNanos(System.nanoTime() - start), !fail);
        return "ok";
    }
}
