package id.narasiahli.schema.liquibase;

import id.narasiahli.platform.control.DataSourceProducer;
import id.narasiahli.schema.migration.control.LockRetry;
import id.narasiahli.schema.migration.control.SchemaMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The schema settings of this deployment, read once, and the container's way into the core: sessions on the
 * application's datasource with the changelog and contexts the startup migration used, so the admin API, lint
 * and drift see the same changesets readiness checks. The only class of this package that needs the container;
 * the rest runs on any JDBC connection.
 */
@ApplicationScoped
public class SchemaSettings {

    public static final String CHANGELOG = "narasi.schema.changelog";
    public static final String CONTEXTS = "narasi.schema.contexts";

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceProducer dataSources;

    @Inject
    @ConfigProperty(name = CHANGELOG, defaultValue = "liquibase/db.changelog-master.xml")
    String changelogFile;

    @Inject
    @ConfigProperty(name = CONTEXTS, defaultValue = "production")
    String contexts;

    @Inject
    @ConfigProperty(name = SchemaMode.SETTING, defaultValue = "update")
    String mode;

    @Inject
    @ConfigProperty(name = MigrationLock.WAIT_SETTING, defaultValue = "300")
    String lockWait;

    @Inject
    @ConfigProperty(name = LockRetry.TIMEOUT_SETTING, defaultValue = "5s")
    String lockTimeout;

    @Inject
    @ConfigProperty(name = LockRetry.RETRIES_SETTING, defaultValue = "5")
    int lockRetries;

    @Inject
    @ConfigProperty(name = LockRetry.BACKOFF_SETTING, defaultValue = "1000")
    long lockRetryBackoffMillis;

    /** How long table-level backups of rows a destructive change removed are kept (narasi_backup). */
    @Inject
    @ConfigProperty(name = "narasi.schema.backup-retention-days", defaultValue = "30")
    int backupRetentionDays;

    @Inject
    @ConfigProperty(name = "narasi.schema.shadow-url")
    Optional<String> shadowUrl;

    @Inject
    @ConfigProperty(name = "narasi.schema.shadow-user")
    Optional<String> shadowUser;

    @Inject
    @ConfigProperty(name = "narasi.schema.shadow-password")
    Optional<String> shadowPassword;

    public String changelogFile() {
        return changelogFile;
    }

    public String contexts() {
        return contexts;
    }

    /** {@value SchemaMode#SETTING}; an invalid value fails with a message naming the setting. */
    public SchemaMode mode() {
        return SchemaMode.parse(mode);
    }

    /** {@value MigrationLock#WAIT_SETTING}; an invalid value fails with a message naming the setting. */
    public Duration lockWait() {
        return MigrationLock.maxWait(lockWait);
    }

    /** How the migration bounds and retries its lock waits; an invalid value fails naming its setting. */
    public LockRetry lockRetry() {
        return new LockRetry(lockTimeout, lockRetries, Duration.ofMillis(lockRetryBackoffMillis));
    }

    /** A shadow database given by the operator for drift, if any (else drift uses a scratch one next to the live one). */
    public Optional<String> shadowUrl() {
        return shadowUrl.filter(url -> !url.isBlank());
    }

    public String shadowUser() {
        return shadowUser.orElse(null);
    }

    public String shadowPassword() {
        return shadowPassword.orElse(null);
    }

    public int backupRetentionDays() {
        return backupRetentionDays;
    }

    /** Whether the contexts are production ones, where rolling back the baseline is refused. */
    public boolean production() {
        return LiquibaseSession.isProduction(contexts);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public LiquibaseSession forReading() {
        return LiquibaseSession.forReading(connect(), changelogFile, contexts);
    }

    public LiquibaseSession forCommands() {
        return LiquibaseSession.forCommands(connect(), changelogFile, contexts);
    }

    /**
     * A pooled connection; when the database cannot be reached the message names where it was looked for (the
     * error mappers answer 503 for it, the startup migration fails the deployment with it).
     */
    public Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw new SchemaMigrationException(DatabaseTarget.unreachable(dataSource, dataSources.jndiName(), e), e);
        }
    }
}
