package id.narasiahli.schema.cli;

import id.narasiahli.observability.control.MigrationEvents;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.schema.backup.ChangesetBackups;
import id.narasiahli.schema.backup.DestructiveChange;
import id.narasiahli.schema.quality.control.ChangelogDrift;
import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.migration.control.ChangesetTimer;
import id.narasiahli.schema.quality.control.DriftItem;
import id.narasiahli.schema.liquibase.ErrorMessages;
import id.narasiahli.schema.operations.control.HeldLock;
import id.narasiahli.schema.quality.control.LintBaseline;
import id.narasiahli.schema.quality.control.LintFinding;
import id.narasiahli.schema.quality.control.MigrationLint;
import id.narasiahli.schema.operations.control.RollbackPlan;
import id.narasiahli.schema.operations.control.RollbackRecorder;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.quality.control.ShadowDatabase;
import id.narasiahli.schema.liquibase.Target;
import id.narasiahli.schema.operations.control.TrackingDigest;
import id.narasiahli.schema.operations.control.UpdatePlan;
import id.narasiahli.schema.liquibase.Validation;
import com.github.blagerweij.sessionlock.PGLockService;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.changelog.RanChangeSet;
import liquibase.command.core.TagCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.database.core.PostgresDatabase;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The command line's one way into the migration code (the core in schema.liquibase): every Liquibase session, plan, lock,
 * lint and drift call goes through here, so moving to another core changes this class only. It speaks in the
 * core's own types (ChangesetRef, Target, UpdatePlan, RollbackPlan, Validation) and adds nothing to their rules.
 */
final class SchemaCore implements AutoCloseable {

    /** The server's default alert threshold (narasi.observability.migration-alert-seconds): a longer changeset is logged SEVERE. */
    private static final Duration ALERT_AFTER = Duration.ofMinutes(5);

    private final LiquibaseSession session;

    private SchemaCore(LiquibaseSession session) {
        this.session = session;
    }

    /** A session on {@code connection}, which closing this closes. */
    static SchemaCore open(Connection connection, String changelogFile, String contexts) {
        return new SchemaCore(LiquibaseSession.forCommands(connection, changelogFile, contexts));
    }

    Connection connection() {
        return session.connection();
    }

    String deploymentId() {
        return session.deploymentId();
    }

    List<RanChangeSet> applied() {
        return session.ranChangesets();
    }

    List<ChangesetRef> pending() {
        return session.selection().pending().stream().map(ChangesetRef::of).toList();
    }

    List<ChangesetRef> unexpected() {
        return session.selection().unexpected().stream().map(ChangesetRef::of).toList();
    }

    Validation validation() {
        return session.validation();
    }

    List<DatabaseChangeLogLock> locks() {
        return session.locks();
    }

    static String holder(List<DatabaseChangeLogLock> locks) {
        return HeldLock.holder(locks);
    }

    int endLockHolders() {
        return session.endLockHolders();
    }

    String trackingDigest() {
        return TrackingDigest.of(session.connection());
    }

    static Target target(String toTag, Integer count) {
        return toTag != null ? Target.toTag(toTag) : count != null ? Target.count(count) : Target.ALL;
    }

    static String describe(Target target) {
        return target.toString();
    }

    static String key(Target target) {
        return target.key();
    }

    UpdatePlan updatePlan(Target target) {
        return UpdatePlan.of(session, target);
    }

    RollbackPlan rollbackPlan(Target target) {
        return RollbackPlan.of(session, target);
    }

    /** A rollback's target; {@code toChangeset} keeps that changeset applied and rolls back all applied after it. */
    Target rollbackTarget(String toTag, Integer count, String toChangeset) {
        if (toChangeset == null) {
            return target(toTag, count);
        }
        List<ChangesetRef> newestFirst = session.selection().rollbackCandidates(Target.count(Integer.MAX_VALUE)).stream()
                .map(ChangesetRef::of).toList();
        for (int i = 0; i < newestFirst.size(); i++) {
            ChangesetRef ref = newestFirst.get(i);
            if (ref.toString().equals(toChangeset) || ref.id().equals(toChangeset)) {
                if (i == 0) {
                    throw new UsageException(ref + " is the last applied changeset: nothing after it to roll back");
                }
                return Target.count(i);
            }
        }
        throw new UsageException("No applied changeset of this changelog is named " + toChangeset + " (see history)");
    }

    String updateSql(UpdatePlan plan) {
        return sql(plan.updateSqlCommand(), plan.arguments());
    }

    String markAppliedSql(UpdatePlan plan) {
        return sql(plan.syncSqlCommand(), plan.arguments());
    }

    private String sql(String[] command, Map<String, Object> arguments) {
        try {
            return session.sql(command, arguments);
        } catch (Exception e) {
            throw new CommandFailure("Generating the SQL failed: " + ErrorMessages.rootMessage(e), e);
        }
    }

    /**
     * Takes the migration lock (the server's: a PostgreSQL session advisory lock), waiting up to {@code wait}
     * while another instance or command holds it; {@code waiting} hears who holds it.
     */
    AutoCloseable lock(Duration wait, Consumer<String> waiting) {
        if (!(session.lockService() instanceof PGLockService)) {
            throw new CommandFailure("Liquibase chose the lock service " + session.lockService().getClass().getName()
                    + " instead of the PostgreSQL session advisory lock; refusing to migrate with a lock the server does not share");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        long nextReport = 0;
        while (true) {
            try {
                return HeldLock.take(session);
            } catch (ApiException e) {
                if (!"migration-locked".equals(e.type())) {
                    throw e;
                }
                String holder = holder(session.locks());
                if (System.nanoTime() >= deadline) {
                    throw new CommandFailure("Gave up after " + wait.toSeconds() + " s waiting for the migration lock held by "
                            + holder + "; nothing was changed (raise --lock-wait, or release-locks if its holder is gone)");
                }
                if (System.nanoTime() >= nextReport) {
                    waiting.accept("waiting for the migration lock held by " + holder);
                    nextReport = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                }
                sleep();
            }
        }
    }

    /** One changeset applied now, with how long it took. */
    record Applied(String changeset, String file, String id, String author, String execType, long durationMs) {
    }

    /** What a run did: the changesets done, in order, and why it stopped early (null when it did not). */
    record Outcome<T>(List<T> done, String failure) {
    }

    /**
     * Runs Liquibase's update, updateCount or updateToTag command; {@code progress} hears each changeset as it
     * is applied. A failure names the changeset and the database error.
     */
    Outcome<Applied> update(UpdatePlan plan, Consumer<Applied> progress) {
        List<Applied> done = new ArrayList<>();
        ChangesetTimer timer = new ChangesetTimer(MigrationEvents.commandLine(ALERT_AFTER), MigrationEvents.Kind.CLI) {
            @Override
            public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
                super.ran(changeSet, changeLog, database, execType);
                ChangesetTimer.AppliedChangeset last = applied().get(applied().size() - 1);
                ChangesetRef ref = last.changeset();
                Applied applied = new Applied(ref.toString(), ref.file(), ref.id(), ref.author(), last.execType(), last.millis());
                done.add(applied);
                progress.accept(applied);
            }
        };
        try {
            session.run(plan.updateCommand(), withListener(plan.arguments(), timer));
            return new Outcome<>(done, null);
        } catch (Exception e) {
            return new Outcome<>(done, timer.failed() == null ? "Update failed: " + ErrorMessages.rootMessage(e)
                    : "Changeset " + timer.failed() + " failed: " + ErrorMessages.databaseError(e)
                    + ". Its transaction was rolled back; " + done.size() + " changesets before it were applied.");
        }
    }

    /** Runs Liquibase's rollback or rollbackCount command; {@code progress} hears each changeset rolled back. */
    Outcome<String> rollback(RollbackPlan plan, Consumer<String> progress) {
        RollbackRecorder recorder = new RollbackRecorder() {
            @Override
            public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
                super.rolledBack(changeSet, changeLog, database);
                progress.accept(changeSet.getId());
            }
        };
        try {
            session.run(plan.command(), withListener(plan.arguments(), recorder));
            return new Outcome<>(recorder.rolledBack().stream().map(ChangesetRef::toString).toList(), null);
        } catch (Exception e) {
            return new Outcome<>(recorder.rolledBack().stream().map(ChangesetRef::toString).toList(), "Rollback failed"
                    + (recorder.failed() == null ? "" : " at changeset " + recorder.failed()) + ": " + ErrorMessages.databaseError(e)
                    + "; rolled back before the failure: " + recorder.rolledBack());
        }
    }

    void markApplied(UpdatePlan plan) throws Exception {
        session.run(plan.syncCommand(), plan.arguments());
    }

    /**
     * Forgets that a changeset was applied, without running its rollback: for a change undone by hand (as
     * supabase migration repair --status reverted). {@code changeset} is its id, or file::id::author when the
     * id alone is ambiguous. Returns the changeset forgotten.
     */
    String markReverted(String changeset) throws SQLException {
        List<RanChangeSet> matching = applied().stream().filter(r -> r.getId().equals(changeset)
                || ChangesetRef.of(r).toString().equals(changeset)).toList();
        if (matching.isEmpty()) {
            throw new CommandFailure("No applied changeset is named " + changeset + " (see history); nothing was changed");
        }
        if (matching.size() > 1) {
            throw new UsageException("Several applied changesets have the id " + changeset + ": name one as file::id::author "
                    + matching.stream().map(r -> ChangesetRef.of(r).toString()).toList());
        }
        RanChangeSet ran = matching.get(0);
        Connection connection = session.connection();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM databasechangelog WHERE filename = ? AND id = ? AND author = ?")) {
            delete.setString(1, ran.getChangeLog());
            delete.setString(2, ran.getId());
            delete.setString(3, ran.getAuthor());
            delete.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return ChangesetRef.of(ran).toString();
    }

    void tag(String tag) throws Exception {
        session.run(TagCommandStep.COMMAND_NAME, Map.of("tag", tag));
    }

    /** The destructive statements of the changesets an update to {@code target} would run, by changeset. */
    Map<String, List<DestructiveChange>> destructiveUpdate(Target target) {
        return call(() -> ChangesetBackups.ofUpdate(session.selection().updateCandidates(target)));
    }

    /** The destructive statements of the rollbacks {@code target} would run, by changeset, newest first. */
    Map<String, List<DestructiveChange>> destructiveRollback(Target target) {
        return call(() -> ChangesetBackups.ofRollback(session.selection().rollbackCandidates(target)));
    }

    /** The project's changelog: pending changesets against the live tables, or all of them from an empty database. */
    static List<LintFinding> lintProject(Connection connection, String changelogFile, String contexts, boolean all) {
        try (SchemaCore core = open(connection, changelogFile, contexts)) {
            return core.lint(all);
        }
    }

    private List<LintFinding> lint(boolean all) {
        Set<ChangesetRef> pending = new HashSet<>(pending());
        Set<String> liveTables = all ? Set.of() : liveTables();
        LintBaseline baseline = LintBaseline.load(SchemaCore.class.getClassLoader());
        return call(() -> new MigrationLint(new PostgresDatabase(), baseline).lint(session.changelog().getChangeSets(),
                c -> all || pending.contains(ChangesetRef.of(c)), liveTables));
    }

    /** Any Liquibase changelog on disk (formatted SQL, XML, YAML), every changeset, without a database. */
    static List<LintFinding> lintFile(Path file) {
        try {
            return LiquibaseSession.withChangelogFile(file, changelog ->
                    new MigrationLint(new PostgresDatabase(), LintBaseline.empty()).lint(changelog.getChangeSets(), c -> true, Set.of()));
        } catch (RuntimeException e) {
            throw new CommandFailure(ErrorMessages.rootMessage(e), e);
        }
    }

    /**
     * The live schema against the changelog applied to a shadow database: {@code shadowUrl}, or a scratch database
     * created next to the live one (needs CREATEDB) and dropped afterwards.
     */
    static List<DriftItem> drift(Connection live, String liveUrl, String user, String password, String shadowUrl,
                                 String changelogFile, String contexts) {
        PGSimpleDataSource next = new PGSimpleDataSource();
        next.setURL(liveUrl);
        next.setUser(user);
        if (password != null) {
            next.setPassword(password);
        }
        try (ShadowDatabase shadow = shadowUrl != null ? ShadowDatabase.configured(shadowUrl, user, password)
                : ShadowDatabase.scratchNextTo(next)) {
            return ChangelogDrift.compare(live, shadow, changelogFile, contexts);
        }
    }

    static boolean failsBuild(LintFinding finding) {
        return finding.failsBuild();
    }

    private Set<String> liveTables() {
        Set<String> tables = new HashSet<>();
        try (ResultSet rows = session.connection().getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new CommandFailure("Cannot list the live tables: " + e.getMessage(), e);
        }
        return tables;
    }

    private <T> T call(Callable<T> action) {
        try {
            return session.inScope(action);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandFailure(ErrorMessages.rootMessage(e), e);
        }
    }

    private static Map<String, Object> withListener(Map<String, Object> arguments, ChangeExecListener listener) {
        Map<String, Object> all = new HashMap<>(arguments);
        all.put(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG.getName(), listener);
        return all;
    }

    static String databaseError(Throwable e) {
        return ErrorMessages.databaseError(e);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("Interrupted while waiting for the migration lock", e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
