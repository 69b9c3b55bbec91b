package id.narasiahli.schema.operations.boundary;

import id.narasiahli.platform.control.Page;
import id.narasiahli.schema.migration.control.ChangesetDurations;
import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.operations.control.OperationAudit;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.migration.batch.BatchProgress;
import id.narasiahli.schema.migration.control.InvalidIndexes;
import id.narasiahli.schema.liquibase.SchemaSettings;
import id.narasiahli.schema.migration.control.SchemaState;
import id.narasiahli.schema.liquibase.Validation;
import id.narasiahli.observability.control.MigrationMetrics;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.lockservice.DatabaseChangeLogLock;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The read-only side of the schema admin API. Nothing here takes or waits for the migration lock, and its
 * connection gives up on table locks within seconds, so it answers while another instance migrates.
 * Bean-managed transactions: Liquibase commits and rolls back on its connection itself.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaInspector {

    @Inject
    SchemaSettings sessions;

    @Inject
    SchemaState state;

    @Inject
    ChangesetDurations durations;

    @Inject
    OperationAudit audit;

    @Inject
    MigrationMetrics events;

    public SchemaViews.Status status() {
        try (LiquibaseSession session = sessions.forReading()) {
            List<RanChangeSet> ran = session.ranChangesets();
            List<ChangeSet> pending = session.selection().pending();
            Validation validation = session.validation();
            List<ChangesetRef> unexpected = session.selection().unexpected().stream().map(ChangesetRef::of).toList();
            Map<ChangesetDurations.Key, Long> measured = durations.all();
            events.pendingChangesets(pending.size());
            return new SchemaViews.Status(
                    state.mode() == null ? null : state.mode().label(),
                    session.changelogFile(), session.contexts(),
                    pending.isEmpty() && validation.valid(),
                    ran.size(), pending.size(), pending.stream().map(SchemaViews.Pending::of).toList(),
                    ran.isEmpty() ? null : SchemaViews.Applied.of(ran.get(ran.size() - 1), measured),
                    ran.stream().map(RanChangeSet::getTag).filter(Objects::nonNull).toList(), session.selection().changelogTags(),
                    validation.valid(), validation.problems(),
                    SchemaViews.Locks.of(session.locks()), unexpected,
                    session.call("list INVALID indexes", () -> InvalidIndexes.list(session.connection()))
                            .stream().map(Object::toString).toList(),
                    session.call("read the progress of batched changes", () -> BatchProgress.all(session.connection())));
        }
    }

    public List<SchemaViews.Applied> history() {
        try (LiquibaseSession session = sessions.forReading()) {
            Map<ChangesetDurations.Key, Long> measured = durations.all();
            return session.ranChangesets().stream().map(ran -> SchemaViews.Applied.of(ran, measured)).toList();
        }
    }

    public List<SchemaViews.Tag> tags() {
        try (LiquibaseSession session = sessions.forReading()) {
            return session.ranChangesets().stream().filter(ran -> ran.getTag() != null).map(SchemaViews.Tag::of).toList();
        }
    }

    public SchemaViews.ValidationReport validation() {
        try (LiquibaseSession session = sessions.forReading()) {
            return SchemaViews.ValidationReport.of(session.validation());
        }
    }

    public SchemaViews.Locks locks() {
        try (LiquibaseSession session = sessions.forReading()) {
            List<DatabaseChangeLogLock> locks = session.locks();
            return SchemaViews.Locks.of(locks);
        }
    }

    public Page<OperationAudit.Entry> audit(String limit, String offset, String sort) {
        return audit.page(limit, offset, sort);
    }
}
