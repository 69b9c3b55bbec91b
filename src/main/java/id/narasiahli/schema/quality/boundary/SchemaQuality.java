package id.narasiahli.schema.quality.boundary;

import id.narasiahli.schema.quality.control.ChangelogDrift;
import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.quality.control.DriftItem;
import id.narasiahli.schema.quality.control.EntityDrift;
import id.narasiahli.schema.quality.control.LintBaseline;
import id.narasiahli.schema.quality.control.LintFinding;
import id.narasiahli.schema.quality.control.MigrationLint;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.liquibase.SchemaMigrationException;
import id.narasiahli.schema.liquibase.SchemaSettings;
import id.narasiahli.schema.quality.control.ShadowDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.metamodel.EntityType;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lint and drift for the admin API. Bean-managed transactions: the shadow database is created and dropped
 * with statements PostgreSQL refuses inside a transaction, and nothing here writes to the live database.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaQuality {

    public record LintReport(String scope, long errors, List<LintFinding> findings) {
    }

    public record DriftReport(List<DriftItem> changelog, List<DriftItem> entities) {
    }

    @Inject
    SchemaSettings settings;

    @PersistenceUnit(unitName = "narasi")
    EntityManagerFactory entityManagerFactory;

    /**
     * The changelog's lint, on the one read-only parse: nothing is written, and on an empty database no
     * tracking table is created. {@code all} lints every changeset, else the pending ones against the live tables.
     */
    public LintReport lint(boolean all) {
        try (LiquibaseSession session = settings.forReading()) {
            DatabaseChangeLog changelog = session.changelog();
            Set<ChangesetRef> pending = new HashSet<>(session.pending());
            Set<String> liveTables = all ? Set.of() : liveTables(session.connection());
            List<LintFinding> findings = session.call("lint changelog", () ->
                    new MigrationLint(new PostgresDatabase(), LintBaseline.load(getClass().getClassLoader()))
                            .lint(changelog.getChangeSets(), c -> all || pending.contains(ChangesetRef.of(c)), liveTables));
            return new LintReport(all ? "all" : "pending", findings.stream().filter(LintFinding::failsBuild).count(), findings);
        }
    }

    public DriftReport drift() {
        try (ShadowDatabase shadow = shadow()) {
            List<DriftItem> changelog = ChangelogDrift.compare(settings.connect(), shadow, settings.changelogFile(), settings.contexts());
            List<Class<?>> entities = new ArrayList<>();
            for (EntityType<?> type : entityManagerFactory.getMetamodel().getEntities()) {
                entities.add(type.getJavaType());
            }
            entities.sort(Comparator.comparing(Class::getName));
            try (Connection live = settings.connect()) {
                return new DriftReport(changelog, EntityDrift.compare(entities, live));
            }
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot read the live database: " + e.getMessage(), e);
        }
    }

    private ShadowDatabase shadow() {
        return settings.shadowUrl()
                .map(url -> ShadowDatabase.configured(url, settings.shadowUser(), settings.shadowPassword()))
                .orElseGet(() -> ShadowDatabase.scratchNextTo(settings.dataSource()));
    }

    private static Set<String> liveTables(Connection c) {
        Set<String> tables = new HashSet<>();
        try (ResultSet rows = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot read the live database's tables: " + e.getMessage(), e);
        }
        return tables;
    }
}
