package id.narasiahli.schema.operations.boundary;

import id.narasiahli.platform.control.ApiException;
import id.narasiahli.schema.backup.BackupException;
import id.narasiahli.schema.backup.BackupRecord;
import id.narasiahli.schema.backup.ServerBackups;
import id.narasiahli.schema.backup.TableBackups;
import id.narasiahli.platform.control.DatabaseOutage;
import id.narasiahli.observability.control.MigrationEvents.Kind;
import id.narasiahli.observability.control.MigrationMetrics;
import id.narasiahli.schema.operations.control.Actor;
import id.narasiahli.schema.migration.control.ChangesetDurations;
import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.migration.control.ChangesetTimer;
import id.narasiahli.schema.liquibase.ErrorMessages;
import id.narasiahli.schema.operations.control.HeldLock;
import id.narasiahli.accounts.boundary.Credentials;
import id.narasiahli.schema.operations.control.OperationAudit;
import id.narasiahli.schema.operations.control.OperationAudit.Outcome;
import id.narasiahli.schema.operations.control.OperationGate;
import id.narasiahli.schema.operations.control.RequestBody;
import id.narasiahli.schema.operations.control.RollbackConfirmations;
import id.narasiahli.schema.operations.control.RollbackPlan;
import id.narasiahli.schema.operations.control.RollbackRecorder;
import id.narasiahli.schema.operations.control.SchemaOperationException;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.liquibase.SchemaMigrationException;
import id.narasiahli.schema.liquibase.SchemaSettings;
import id.narasiahli.schema.liquibase.Target;
import id.narasiahli.schema.operations.control.TrackingDigest;
import id.narasiahli.schema.operations.control.UpdatePlan;
import id.narasiahli.schema.liquibase.Validation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.command.core.TagCommandStep;
import liquibase.command.core.TagExistsCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static id.narasiahli.schema.operations.control.RequestBody.ALL;
import static id.narasiahli.schema.operations.control.RequestBody.CONFIRMATION_TOKEN;
import static id.narasiahli.schema.operations.control.RequestBody.COUNT;
import static id.narasiahli.schema.operations.control.RequestBody.DRY_RUN;
import static id.narasiahli.schema.operations.control.RequestBody.PASSWORD;
import static id.narasiahli.schema.operations.control.RequestBody.TAG;
import static id.narasiahli.schema.operations.control.RequestBody.TO_TAG;

/**
 * The schema operations that run Liquibase commands: dry run, apply, rollback (preview, then confirm),
 * tag, repair, releasing the lock. One at a time per instance ({@link OperationGate}); those that write
 * take the migration lock first and are refused at once when another instance holds it. Every call that
 * may change something is audited with its outcome, including the refused and the malformed ones.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaOperations {

    @Inject
    SchemaSettings sessions;

    @Inject
    OperationGate gate;

    @Inject
    OperationAudit audit;

    @Inject
    ChangesetDurations durations;

    @Inject
    RollbackConfirmations confirmations;

    @Inject
    Credentials credentials;

    @Inject
    MigrationMetrics events;

    /** The SQL pending changesets would run; nothing is written, so it is not audited. */
    public SchemaViews.DryRun dryRun(Actor actor, String body) {
        Target target = RequestBody.parse(body, List.of(ALL, TO_TAG, COUNT)).target(true);
        return gate.run("dry run", actor, () -> {
            try (LiquibaseSession session = sessions.forCommands()) {
                requireValid(session);
                UpdatePlan plan = UpdatePlan.of(session, target);
                return new SchemaViews.DryRun(target.toString(), plan.changesets(), sql(session, plan.updateSqlCommand(), plan.arguments()));
            }
        });
    }

    public SchemaViews.ApplyResult apply(Actor actor, String body) {
        return audited(actor, "apply", body, List.of(ALL, TO_TAG, COUNT), request -> {
            Target target = request.target(true);
            return gate.run("apply " + target, actor, () -> {
                try (LiquibaseSession session = sessions.forCommands()) {
                    requireValid(session);
                    UpdatePlan plan = UpdatePlan.of(session, target);
                    try (HeldLock lock = HeldLock.take(session)) {
                        ServerBackups.beforeUpdate(session, sessions::connect, session.selection().updateCandidates(target),
                                actor.name(), sessions.backupRetentionDays(), events, Kind.ADMIN);
                        ChangesetTimer timer = new ChangesetTimer(events, Kind.ADMIN);
                        long start = System.nanoTime();
                        events.runStarted(Kind.ADMIN);
                        try {
                            // the startup migration's lock-wait retry and INVALID-index repair, for the target's changesets
                            sessions.lockRetry().run(session, () -> session.selection().updateCandidates(plan.rest(timer.applied().size())),
                                    () -> session.run(plan.updateCommand(), withListener(plan.arguments(timer.applied().size()), timer)),
                                    lock::retake, sessions::connect);
                        } catch (Exception e) {
                            events.runFinished(Kind.ADMIN, Duration.ofNanos(System.nanoTime() - start), false);
                            durations.record(timer.applied(), ChangesetDurations.ADMIN_API);
                            if (timer.failed() != null && !(e instanceof ApiException)) {
                                throw SchemaOperationException.changesetFailed(timer.failed(), e instanceof SchemaMigrationException
                                        ? e.getMessage() : ErrorMessages.databaseError(e), timer.applied().size());
                            }
                            throw translate("Apply", e);
                        }
                        durations.record(timer.applied(), ChangesetDurations.ADMIN_API);
                        events.runFinished(Kind.ADMIN, Duration.ofNanos(System.nanoTime() - start), true);
                        int pending = session.selection().pending().size();
                        events.pendingChangesets(pending);
                        return new SchemaViews.ApplyResult(target.toString(), session.deploymentId(),
                                timer.applied().stream().map(SchemaViews.AppliedNow::of).toList(), pending);
                    }
                }
            });
        }, result -> "applied " + result.applied().size() + " changesets " + refs(result.applied().stream()
                .map(SchemaViews.AppliedNow::changeset).toList()) + ", " + result.pendingCount() + " still pending");
    }

    /** The rollback's SQL and a token that confirms exactly this rollback on exactly this database state. */
    public SchemaViews.RollbackPreview previewRollback(Actor actor, String body) {
        return audited(actor, "rollback-preview", body, List.of(TO_TAG, COUNT), request -> {
            Target target = request.target(false);
            return gate.run("rollback preview " + target, actor, () -> {
                try (LiquibaseSession session = sessions.forCommands()) {
                    requireValid(session);
                    RollbackPlan plan = RollbackPlan.of(session, target);
                    refuseBaseline(plan);
                    RollbackConfirmations.Issued issued = confirmations.issue(actor, plan);
                    return new SchemaViews.RollbackPreview(target.toString(), plan.changesets(), plan.sql(), issued.token(),
                            issued.expiresAt(), sessions.production());
                }
            });
        }, preview -> "previewed rolling back " + refs(preview.changesets()));
    }

    /**
     * Runs the rollback a preview showed. The plan is worked out again and must have the preview's digest;
     * under the migration lock the recorded history must still be the one the plan was computed from. In the
     * production contexts the administrator's password is asked again (a stolen bearer token alone cannot drop
     * data), checked and throttled like a login.
     */
    public SchemaViews.RollbackResult rollback(Actor actor, String body, String clientAddress) {
        return audited(actor, "rollback", body, List.of(TO_TAG, COUNT, CONFIRMATION_TOKEN, PASSWORD), request -> {
            String token = request.required(CONFIRMATION_TOKEN);
            Target target = request.target(false);
            String password = request.secret(PASSWORD);
            if (sessions.production() || password != null) {
                credentials.confirm(actor.id(), PASSWORD, password, clientAddress, "nothing was rolled back");
            }
            return gate.run("rollback " + target, actor, () -> {
                try (LiquibaseSession session = sessions.forCommands()) {
                    requireValid(session);
                    RollbackPlan plan = RollbackPlan.of(session, target);
                    refuseBaseline(plan);
                    confirmations.verify(token, actor, plan);
                    try (HeldLock lock = HeldLock.take(session)) {
                        if (!TrackingDigest.of(session.connection()).equals(plan.trackingDigest())) {
                            throw SchemaOperationException.confirmationRefused("the database changed while the rollback waited for the lock");
                        }
                        confirmations.consume(token);
                        ServerBackups.beforeRollback(session, sessions::connect, session.selection().rollbackCandidates(target),
                                actor.name(), sessions.backupRetentionDays(), events, Kind.ADMIN);
                        RollbackRecorder recorder = new RollbackRecorder();
                        try {
                            session.run(plan.command(), withListener(plan.arguments(), recorder));
                        } catch (Exception e) {
                            throw SchemaOperationException.failed("Rollback", (recorder.failed() == null ? ""
                                    : "at changeset " + recorder.failed() + ": ") + ErrorMessages.databaseError(e)
                                    + "; rolled back before the failure: " + recorder.rolledBack());
                        }
                        int pending = session.selection().pending().size();
                        events.pendingChangesets(pending);
                        return new SchemaViews.RollbackResult(target.toString(), recorder.rolledBack(), pending);
                    }
                }
            });
        }, result -> "rolled back " + refs(result.rolledBack()) + ", " + result.pendingCount() + " now pending");
    }

    /** Tags the current state: the tag goes on the last applied changeset, as Liquibase's tag command does. */
    public SchemaViews.Tag tag(Actor actor, String body) {
        return audited(actor, "tag", body, List.of(TAG), request -> {
            String tag = request.required(TAG);
            return gate.run("tag " + tag, actor, () -> {
                try (LiquibaseSession session = sessions.forCommands()) {
                    List<RanChangeSet> ran = session.ranChangesets();
                    if (ran.isEmpty()) {
                        throw SchemaOperationException.nothingApplied();
                    }
                    // Liquibase's rollback matches tags ignoring case, its tagExists does not: refuse both kinds of twin
                    boolean exists = ran.stream().anyMatch(r -> tag.equalsIgnoreCase(r.getTag()))
                            || Boolean.TRUE.equals(session.run(TagExistsCommandStep.COMMAND_NAME, Map.of("tag", tag))
                            .getResult(TagExistsCommandStep.TAG_EXISTS_RESULT));
                    if (exists) {
                        throw SchemaOperationException.tagExists(tag);
                    }
                    try (HeldLock lock = HeldLock.take(session)) {
                        ran = session.ranChangesets();
                        RanChangeSet last = ran.get(ran.size() - 1);
                        if (last.getTag() != null) {
                            throw SchemaOperationException.alreadyTagged(ChangesetRef.of(last), last.getTag());
                        }
                        session.run(TagCommandStep.COMMAND_NAME, Map.of("tag", tag));
                    }
                    List<RanChangeSet> now = session.ranChangesets();
                    return SchemaViews.Tag.of(now.get(now.size() - 1));
                } catch (ApiException e) {
                    throw e;
                } catch (Exception e) {
                    throw translate("Tagging", e);
                }
            });
        }, tagged -> "tagged " + tagged.changeset() + " '" + tagged.tag() + "'");
    }

    /**
     * Marks pending changesets (all, or up to a tag) as applied without running them: adopting a database
     * whose schema was made some other way. With dryRun, the SQL that would record them, nothing written.
     */
    public SchemaViews.RepairResult repair(Actor actor, String body) {
        return audited(actor, "repair", body, List.of(ALL, TO_TAG, DRY_RUN), request -> {
            Target target = request.target(true);
            boolean dryRun = request.flag(DRY_RUN);
            return gate.run("repair " + target, actor, () -> {
                try (LiquibaseSession session = sessions.forCommands()) {
                    requireValid(session);
                    UpdatePlan plan = UpdatePlan.of(session, target);
                    if (dryRun) {
                        return new SchemaViews.RepairResult(target.toString(), true, plan.changesets(),
                                sql(session, plan.syncSqlCommand(), plan.arguments()), session.selection().pending().size());
                    }
                    try (HeldLock lock = HeldLock.take(session)) {
                        List<ChangesetRef> before = session.selection().pending().stream().map(ChangesetRef::of).toList();
                        try {
                            session.run(plan.syncCommand(), plan.arguments());
                        } catch (Exception e) {
                            throw translate("Repair", e);
                        }
                        List<ChangesetRef> after = session.selection().pending().stream().map(ChangesetRef::of).toList();
                        List<ChangesetRef> marked = new ArrayList<>(before);
                        marked.removeAll(after);
                        return new SchemaViews.RepairResult(target.toString(), false, marked, null, after.size());
                    }
                }
            });
        }, result -> (result.dryRun() ? "would mark " : "marked ") + refs(result.changesets()) + " as applied without running them");
    }

    /**
     * Releases the migration lock whoever holds it: for an instance that hangs while holding it. The lock is a
     * session advisory lock (it dies with a dead instance's connection by itself), so releasing it means ending
     * the holder's database session.
     */
    public SchemaViews.LockRelease releaseLocks(Actor actor) {
        return audited(actor, "release-locks", null, List.of(), request -> gate.run("release locks", actor, () -> {
            try (LiquibaseSession session = sessions.forCommands()) {
                List<DatabaseChangeLogLock> held = session.locks();
                session.endLockHolders();
                return new SchemaViews.LockRelease(!held.isEmpty(), held.stream().map(SchemaViews.Lock::of).toList());
            }
        }), released -> released.released() ? "released the lock held by " + released.releasedLocks() : "no lock was held");
    }

    private <T> T audited(Actor actor, String operation, String body, List<String> fields, Function<RequestBody, T> action,
                          Function<T, String> summary) {
        String request = RequestBody.unreadable(body);
        Long started = null;
        try {
            RequestBody parsed = RequestBody.read(body);
            request = parsed.forAudit();
            started = audit.start(actor, operation, request);
            T result = action.apply(parsed.allowOnly(fields));
            audit.finish(started, actor, operation, request, Outcome.SUCCEEDED, summary.apply(result));
            return result;
        } catch (ApiException e) {
            boolean failed = e.status() >= 500 || "changeset-failed".equals(e.type()) || "schema-operation-failed".equals(e.type());
            audit.finish(started, actor, operation, request, failed ? Outcome.FAILED : Outcome.REFUSED, e.status() + " " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            audit.finish(started, actor, operation, request, Outcome.FAILED, ErrorMessages.oneLine(e));
            throw e;
        }
    }

    /**
     * The accounts and the audit of schema operations are never dropped through the API in the production contexts:
     * that takes the command line's explicit --allow-destructive-baseline.
     */
    private void refuseBaseline(RollbackPlan plan) {
        if (!sessions.production()) {
            return;
        }
        List<String> baseline = plan.changesets().stream().map(ChangesetRef::toString)
                .filter(ref -> ServerBackups.BASELINE.stream().anyMatch(id -> ref.contains("::" + id + "::"))).toList();
        if (!baseline.isEmpty()) {
            throw SchemaOperationException.destructiveBaseline(baseline);
        }
    }

    /** Table-level backups of this database (narasi_backup), newest first. */
    public List<BackupRecord> backups() {
        try (Connection connection = sessions.connect()) {
            return new TableBackups(connection).list();
        } catch (SQLException e) {
            throw translate("Listing the backups", e);
        }
    }

    /** Puts a table-level backup's rows back, once the schema has its table (or column) again; audited. */
    public BackupRecord restoreBackup(Actor actor, long id) {
        return audited(actor, "restore-backup", "{\"id\":" + id + "}", List.of("id"), request -> gate.run("restore backup " + id, actor, () -> {
            try (Connection connection = sessions.connect()) {
                connection.setAutoCommit(true);
                return new TableBackups(connection).restore(id);
            } catch (BackupException e) {
                throw SchemaOperationException.backupRefused(e.getMessage());
            } catch (SQLException e) {
                throw translate("Restoring backup " + id, e);
            }
        }), restored -> "restored " + restored.restoredRows() + " rows of backup " + id + " into " + restored.sourceTable());
    }

    private static void requireValid(LiquibaseSession session) {
        Validation validation = session.validation();
        if (!validation.valid()) {
            throw SchemaOperationException.invalidChangelog(validation.problems());
        }
    }

    private static String sql(LiquibaseSession session, String[] command, Map<String, Object> arguments) {
        try {
            return session.sql(command, arguments);
        } catch (Exception e) {
            throw translate("Generating the SQL", e);
        }
    }

    private static Map<String, Object> withListener(Map<String, Object> arguments, ChangeExecListener listener) {
        Map<String, Object> all = new HashMap<>(arguments);
        all.put(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG.getName(), listener);
        return all;
    }

    /** Liquibase's lock and validation failures say what the operator can do; the rest is a failure. */
    private static RuntimeException translate(String operation, Exception e) {
        if (DatabaseOutage.in(e)) {
            return DatabaseOutage.unavailable();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof LockException) {
                return SchemaOperationException.locked(ErrorMessages.oneLine(t));
            }
            if (t instanceof liquibase.exception.ValidationFailedException v) {
                return SchemaOperationException.invalidChangelog(List.of(ErrorMessages.oneLine(v)));
            }
        }
        return SchemaOperationException.failed(operation, ErrorMessages.rootMessage(e));
    }

    private static String refs(List<ChangesetRef> refs) {
        return refs.isEmpty() ? "no changesets" : refs.toString();
    }
}
