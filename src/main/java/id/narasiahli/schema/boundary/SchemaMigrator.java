package id.narasiahli.schema.boundary;

import id.narasiahli.platform.control.DataSourceProducer;
import id.narasiahli.schema.control.ChangesetDurations;
import id.narasiahli.schema.control.ChangesetRef;
import id.narasiahli.schema.control.ChangesetTimer;
import id.narasiahli.schema.control.DatabaseTarget;
import id.narasiahli.schema.control.Migrations;
import id.narasiahli.schema.control.SchemaMigrationException;
import id.narasiahli.schema.control.SchemaMode;
import id.narasiahli.schema.control.SchemaState;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.LiquibaseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Brings the schema to the changelog's head before the application serves (Dataverse's pattern: a
 * bean-managed-transaction startup singleton; other startup beans are {@code @DependsOn} it). Any
 * failure aborts the deployment with a message naming the changeset, setting or database.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceProducer dataSources;

    @Inject
    SchemaState state;

    @Inject
    ChangesetDurations durations;

    @Inject
    @ConfigProperty(name = SchemaMode.SETTING, defaultValue = "update")
    String modeSetting;

    @Inject
    @ConfigProperty(name = "narasi.schema.changelog", defaultValue = "liquibase/db.changelog-master.xml")
    String changelogFile;

    @Inject
    @ConfigProperty(name = "narasi.schema.contexts", defaultValue = "production")
    String contexts;

    @PostConstruct
    void migrate() {
        SchemaMode mode = null;
        try {
            mode = SchemaMode.parse(modeSetting);
            List<ChangesetRef> selected = run(mode);
            state.finished(mode, selected);
        } catch (SchemaMigrationException e) {
            state.failed(mode, e.getMessage());
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    private List<ChangesetRef> run(SchemaMode mode) {
        long start = System.nanoTime();
        try (Migrations migrations = Migrations.open(connect(), changelogFile, contexts)) {
            DatabaseChangeLog changelog = migrations.changelog();
            List<ChangesetRef> selected = migrations.selected(changelog);
            switch (mode) {
                case UPDATE -> update(migrations, start);
                case VALIDATE -> validate(migrations, changelog, start);
                case OFF -> LOG.info(() -> String.format("Schema mode off: the schema was not checked or changed;"
                        + " %d of %d changesets pending", migrations.pending(changelog).size(), selected.size()));
            }
            return selected;
        }
    }

    private void update(Migrations migrations, long start) {
        ChangesetTimer timer = new ChangesetTimer();
        try {
            migrations.update(timer);
        } catch (LiquibaseException | RuntimeException e) {
            if (timer.failed() != null) {
                throw new SchemaMigrationException("Schema migration failed at changeset " + timer.failed()
                        + ": " + databaseError(e) + ". The changeset was rolled back; "
                        + timer.applied().size() + " changesets before it were applied.", e);
            }
            throw new SchemaMigrationException("Schema migration failed: " + oneLine(e.getMessage()), e);
        }
        durations.record(timer.applied(), ChangesetDurations.STARTUP);
        LOG.info(() -> String.format("Schema update finished: %d changesets applied in %d ms (changelog %s, contexts %s)",
                timer.applied().size(), millisSince(start), changelogFile, contexts));
    }

    private void validate(Migrations migrations, DatabaseChangeLog changelog, long start) {
        List<String> problems = migrations.validationProblems(changelog);
        List<ChangesetRef> pending = migrations.pending(changelog);
        if (!problems.isEmpty() || !pending.isEmpty()) {
            StringBuilder message = new StringBuilder("Schema mode validate: the database is not at the changelog's head,"
                    + " refusing to start.");
            pending.forEach(ref -> message.append("\n  pending changeset: ").append(ref));
            problems.forEach(problem -> message.append("\n  ").append(problem));
            message.append("\nApply the changesets (schema mode update) or deploy the matching release.");
            throw new SchemaMigrationException(message.toString());
        }
        LOG.info(() -> String.format("Schema validated in %d ms: every changeset applied, checksums match", millisSince(start)));
    }

    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw new SchemaMigrationException(DatabaseTarget.unreachable(dataSource, dataSources.jndiName(), e), e);
        }
    }

    /** The database's own words for a failed changeset: the deepest SQL error and its SQLSTATE. */
    private static String databaseError(Throwable e) {
        SQLException sql = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        if (sql == null) {
            return oneLine(rootMessage(e));
        }
        return oneLine(sql.getMessage()) + " [SQLSTATE " + sql.getSQLState() + "]";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.lines().map(String::strip).collect(Collectors.joining(" "));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
