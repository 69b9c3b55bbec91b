package id.narasiahli.observability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The observability settings, each with its documented default (src/site/markdown/observability.md). */
@ApplicationScoped
public class ObservabilitySettings {

    @Inject
    @ConfigProperty(name = "narasi.observability.migration-alert-seconds", defaultValue = "300")
    long migrationAlertSeconds;

    @Inject
    @ConfigProperty(name = "narasi.observability.database.statement-timeout-ms", defaultValue = "2000")
    long statementTimeoutMs;

    @Inject
    @ConfigProperty(name = "narasi.observability.database.lock-timeout-ms", defaultValue = "100")
    long lockTimeoutMs;

    @Inject
    @ConfigProperty(name = "narasi.observability.database.long-transaction-seconds", defaultValue = "60")
    long longTransactionSeconds;

    /** A changeset (or run) running longer than this raises the migration alert. */
    public Duration migrationAlertAfter() {
        return Duration.ofSeconds(migrationAlertSeconds);
    }

    /** Each database health query is cancelled after this long. */
    public long statementTimeoutMs() {
        return statementTimeoutMs;
    }

    /** A database health query waits at most this long for a lock (it skips locked relations before that). */
    public long lockTimeoutMs() {
        return lockTimeoutMs;
    }

    /** The default age from which an open transaction is listed as long-running. */
    public long longTransactionSeconds() {
        return longTransactionSeconds;
    }
}
