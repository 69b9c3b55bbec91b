package id.narasiahli.observability.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's business metrics: one method per event, called with one line from where it happens (accounts,
 * retention, the HTTP filter). Names and tags in src/site/markdown/observability.md; every tag has a small, fixed set
 * of values, and the counters exist at zero from startup so rate() and increase() see their first event.
 */
@ApplicationScoped
public class AppMetrics {

    private static final String[] LOGIN_OUTCOMES = {"succeeded", "failed", "throttled"};
    private static final String[] PURGED_TABLES = {"ai_chat_sessions", "ai_chat_messages", "ai_chat_logs", "stored_files"};

    private static final Metadata REQUESTS = Metadata.builder().withName("narasi.http.server.requests").withUnit(MetricUnits.SECONDS)
            .withDescription("API requests by method, route template and status class, with their duration").build();

    @Inject
    MetricRegistry registry;

    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        for (String outcome : LOGIN_OUTCOMES) {
            logins(outcome);
        }
        refreshTokenReuse();
        for (String outcome : new String[] {"ran", "skipped"}) {
            for (String trigger : new String[] {"timer", "admin"}) {
                retentionRuns(trigger, outcome);
            }
        }
        for (String table : PURGED_TABLES) {
            purged(table);
        }
    }

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing is enough: CDI instantiates the bean (and runs register) to deliver the event
    }

    public void loginSucceeded() {
        logins("succeeded").inc();
    }

    public void loginFailed() {
        logins("failed").inc();
    }

    public void loginThrottled() {
        logins("throttled").inc();
    }

    public void refreshTokenReuseDetected() {
        refreshTokenReuse().inc();
    }

    /** One retention run: {@code ran} false when another instance held the lock. */
    public void retentionRan(String trigger, boolean ran, long sessions, long messages, long logs, long files) {
        retentionRuns(trigger, ran ? "ran" : "skipped").inc();
        purged("ai_chat_sessions").inc(sessions);
        purged("ai_chat_messages").inc(messages);
        purged("ai_chat_logs").inc(logs);
        purged("stored_files").inc(files);
    }

    /** One HTTP request to the API: {@code route} is the resource's path template, never the concrete URL. */
    public void request(String method, String route, int status, Duration took) {
        String statusClass = status / 100 + "xx";
        // one timer per (method, route, status class): looked up in the registry once, not built again per request
        requestTimers.computeIfAbsent(method + ' ' + route + ' ' + statusClass, key -> registry.timer(REQUESTS,
                new Tag("method", method), new Tag("route", route), new Tag("status", statusClass))).update(took);
    }

    private Counter logins(String outcome) {
        return registry.counter(Metadata.builder().withName("narasi.auth.logins")
                .withDescription("Login attempts by outcome: succeeded, failed (wrong email or password), throttled (refused, 429)")
                .build(), new Tag("outcome", outcome));
    }

    private Counter refreshTokenReuse() {
        return registry.counter(Metadata.builder().withName("narasi.auth.refresh_token_reuse")
                .withDescription("Refresh tokens presented again after they were spent (the login family is revoked)").build());
    }

    private Counter retentionRuns(String trigger, String outcome) {
        return registry.counter(Metadata.builder().withName("narasi.retention.runs")
                .withDescription("Retention runs by trigger (timer, admin) and outcome (ran; skipped: another instance held the lock)")
                .build(), new Tag("trigger", trigger), new Tag("outcome", outcome));
    }

    private Counter purged(String table) {
        return registry.counter(Metadata.builder().withName("narasi.retention.purged_rows")
                .withDescription("Rows removed by retention, by table").build(), new Tag("table", table));
    }
}
