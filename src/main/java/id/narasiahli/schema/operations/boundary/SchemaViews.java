package id.narasiahli.schema.operations.boundary;

import id.narasiahli.schema.migration.batch.BatchProgress;
import id.narasiahli.schema.migration.control.ChangesetDurations;
import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.migration.control.ChangesetTimer;
import id.narasiahli.schema.liquibase.Validation;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.lockservice.DatabaseChangeLogLock;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the schema admin API (records; Liquibase's own objects never reach JSON). */
public final class SchemaViews {

    private SchemaViews() {
    }

    public record Pending(String file, String id, String author, String description, String comment, String contexts) {

        static Pending of(ChangeSet changeSet) {
            return new Pending(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor(), changeSet.getDescription(),
                    changeSet.getComments(), changeSet.getContextFilter() == null || changeSet.getContextFilter().isEmpty()
                    ? null : changeSet.getContextFilter().toString());
        }
    }

    /** A databasechangelog row, with the duration this service measured when it applied the changeset. */
    public record Applied(Integer orderExecuted, String file, String id, String author, String description, String comment,
                          Instant dateExecuted, String execType, String checksum, String tag, String deploymentId,
                          Long durationMs, String contexts, String labels, String liquibaseVersion) {

        static Applied of(RanChangeSet ran, Map<ChangesetDurations.Key, Long> durations) {
            return new Applied(ran.getOrderExecuted(), ran.getChangeLog(), ran.getId(), ran.getAuthor(), ran.getDescription(),
                    ran.getComments(), instant(ran.getDateExecuted()), ran.getExecType() == null ? null : ran.getExecType().name(),
                    ran.getLastCheckSum() == null ? null : ran.getLastCheckSum().toString(), ran.getTag(), ran.getDeploymentId(),
                    durations.get(new ChangesetDurations.Key(ran.getChangeLog(), ran.getId(), ran.getAuthor(), ran.getDeploymentId())),
                    ran.getContextExpression() == null || ran.getContextExpression().isEmpty() ? null : ran.getContextExpression().toString(),
                    ran.getLabels() == null || ran.getLabels().isEmpty() ? null : ran.getLabels().toString(),
                    ran.getLiquibaseVersion());
        }
    }

    public record Lock(String lockedBy, Instant lockedSince) {

        static Lock of(DatabaseChangeLogLock lock) {
            return new Lock(lock.getLockedBy(), instant(lock.getLockGranted()));
        }
    }

    public record Locks(boolean locked, List<Lock> locks) {

        static Locks of(List<DatabaseChangeLogLock> locks) {
            return new Locks(!locks.isEmpty(), locks.stream().map(Lock::of).toList());
        }
    }

    public record Status(String mode, String changelog, String contexts, boolean atHead, int appliedCount, int pendingCount,
                         List<Pending> pending, Applied lastApplied, List<String> tags, List<String> changelogTags,
                         boolean checksumsValid,
                         List<String> validationProblems, Locks lock, List<ChangesetRef> unexpected,
                         List<String> invalidIndexes, List<BatchProgress> batchedChanges) {
    }

    public record Tag(String tag, ChangesetRef changeset, Instant dateExecuted) {

        static Tag of(RanChangeSet ran) {
            return new Tag(ran.getTag(), ChangesetRef.of(ran), instant(ran.getDateExecuted()));
        }
    }

    public record ValidationReport(boolean valid, List<Validation.ChecksumMismatch> checksumMismatches, List<String> errors) {

        static ValidationReport of(Validation validation) {
            return new ValidationReport(validation.valid(), validation.checksumMismatches(), validation.errors());
        }
    }

    public record DryRun(String target, List<ChangesetRef> changesets, String sql) {
    }

    public record AppliedNow(ChangesetRef changeset, String execType, long durationMs) {

        static AppliedNow of(ChangesetTimer.AppliedChangeset applied) {
            return new AppliedNow(applied.changeset(), applied.execType(), applied.millis());
        }
    }

    public record ApplyResult(String target, String deploymentId, List<AppliedNow> applied, int pendingCount) {
    }

    /** {@code passwordRequired}: the rollback must carry the administrator's password (the production contexts). */
    public record RollbackPreview(String target, List<ChangesetRef> changesets, String sql, String confirmationToken,
                                  Instant expiresAt, boolean passwordRequired) {
    }

    public record RollbackResult(String target, List<ChangesetRef> rolledBack, int pendingCount) {
    }

    public record RepairResult(String target, boolean dryRun, List<ChangesetRef> changesets, String sql, int pendingCount) {
    }

    public record LockRelease(boolean released, List<Lock> releasedLocks) {
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
