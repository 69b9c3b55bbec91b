package id.narasiahli.retention.boundary;

import id.narasiahli.retention.control.RetentionSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Schedules retention from configuration (a programmatic calendar timer, because @Schedule cannot read
 * MicroProfile Config). The timer is not persistent: every instance schedules its own at startup, and the
 * cluster lock in {@link Retention} makes one of them do the work.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    RetentionSettings settings;

    @Inject
    Retention retention;

    @PostConstruct
    void schedule() {
        if (!settings.enabled()) {
            LOG.info("Retention timer disabled (narasi.retention.enabled=false); POST /api/admin/retention/run still runs it");
            return;
        }
        try {
            timers.createCalendarTimer(settings.schedule(), new TimerConfig("narasi-retention", false));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("narasi.retention.schedule-hour/-minute are not a valid EJB calendar schedule: "
                    + e.getMessage(), e);
        }
        LOG.info(() -> "Retention timer scheduled: " + settings.describe());
    }

    /** Its own transaction (inside Retention.run): a failed run is logged and the next one tries again. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            retention.run("timer");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled retention run failed; the next scheduled run tries again", e);
        }
    }
}
