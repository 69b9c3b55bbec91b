package id.narasiahli.schema.quality.boundary;

import id.narasiahli.schema.quality.control.ChangelogDrift;
import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.quality.control.DriftItem;
import id.narasiahli.schema.quality.control.EntityDrift;
import id.narasiahli.schema.quality.control.LintBaseline;
import id.narasiahli.schema.quality.control.LintFinding;
import id.narasiahli.schema.quality.control.MigrationLint;
import id.narasiahli.schema.liquibase.Migrations;
import id.narasiahli.schema.liquibase.SchemaMigrationException;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    DataSource dataSource;

    @PersistenceUnit(unitName = "narasi")
    EntityManagerFactory entityManagerFactory;

    @Inject
    @ConfigProperty(name = "narasi.schema.changelog", defaultValue = "liquibase/db.changelog-master.xml")
    String changelogFile;

    @Inject
    @ConfigProperty(name = "narasi.schema.contexts", defaultValue = "production")
    String contexts;

    @Inject
    @ConfigProperty(name = "narasi.schema.shadow-url")
    Optional<String> shadowUrl;

    @Inject
    @ConfigProperty(name = "narasi.schema.shadow-user")
    Optional<String> shadowUser;

    @Inject
    @ConfigProperty(name = "narasi.schema.shadow-password")
    Optional<String> shadowPassword;

    public LintReport lint(boolean all) {
        try (Migrations migrations = Migrations.open(dataSource.getConnection(), changelogFile, contexts)) {
            DatabaseChangeLog changelog = migrations.changelog();
            Set<ChangesetRef> pending = new HashSet<>(migrations.pending(changelog));
            Set<String> liveTables = liveTables();
            List<LintFinding> findings = migrations.inLiquibaseScope("lint changelog", () ->
                    new MigrationLint(new PostgresDatabase(), LintBaseline.load(getClass().getClassLoader()))
                            .lint(changelog.getChangeSets(), c -> all || pending.contains(ChangesetRef.of(c)),
                                    all ? Set.of() : liveTables));
            return new LintReport(all ? "all" : "pending", findings.stream().filter(LintFinding::failsBuild).count(), findings);
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot read the live database: " + e.getMessage(), e);
        }
    }

    public DriftReport drift() {
        try (ShadowDatabase shadow = shadow()) {
            List<DriftItem> changelog = ChangelogDrift.compare(dataSource.getConnection(), shadow, changelogFile, contexts);
            List<Class<?>> entities = new ArrayList<>();
            for (EntityType<?> type : entityManagerFactory.getMetamodel().getEntities()) {
                entities.add(type.getJavaType());
            }
            entities.sort(Comparator.comparing(Class::getName));
            try (Connection live = dataSource.getConnection()) {
                return new DriftReport(changelog, EntityDrift.compare(entities, live));
            }
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot read the live database: " + e.getMessage(), e);
        }
    }

    private ShadowDatabase shadow() {
        return shadowUrl.filter(url -> !url.isBlank())
                .map(url -> ShadowDatabase.configured(url, shadowUser.orElse(null), shadowPassword.orElse(null)))
                .orElseGet(() -> ShadowDatabase.scratchNextTo(dataSource));
    }

    private Set<String> liveTables() throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rows = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
