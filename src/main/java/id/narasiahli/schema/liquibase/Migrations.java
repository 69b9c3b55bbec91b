package id.narasiahli.schema.liquibase;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.StatusCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.exception.ValidationFailedException;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

/**
 * Liquibase, used through its own commands and visitors, on one JDBC connection. Each instance is one
 * operation's fresh scope: nothing parsed or read from the tracking tables outlives it, so a changeset
 * list is never reused after another instance may have changed the database.
 */
public final class Migrations implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private final Database database;
    private final String changelogFile;
    private final String contexts;
    private final ClassLoader classLoader;

    private Migrations(Database database, String changelogFile, String contexts, ClassLoader classLoader) {
        this.database = database;
        this.changelogFile = changelogFile;
        this.contexts = contexts;
        this.classLoader = classLoader;
    }

    /** Wraps {@code connection}, which this object closes together with itself. */
    public static Migrations open(Connection connection, String changelogFile, String contexts) {
        ClassLoader loader = Migrations.class.getClassLoader();
        try {
            Database database = inScope(loader, () ->
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
            return new Migrations(database, changelogFile, contexts, loader);
        } catch (Exception e) {
            throw new SchemaMigrationException("Liquibase cannot use the database connection: " + e.getMessage(), e);
        }
    }

    /**
     * Parses the changelog; a missing file or a malformed changeset fails with Liquibase's message. Liquibase
     * creates its tracking table while it parses an include, so in mode update this runs under the lock.
     */
    public DatabaseChangeLog changelog() {
        return call("parse changelog " + changelogFile, () ->
                DatabaseChangelogCommandStep.getDatabaseChangeLog(changelogFile, parameters(), database));
    }

    /**
     * The same changelog parsed without the database in Liquibase's scope, so that nothing is created (the
     * race of several instances on an empty database). Good for deciding, without the lock, that nothing is
     * pending: a changeset reads as pending here whenever it does for {@link #changelog()}.
     */
    public DatabaseChangeLog changelogWithoutDatabase() {
        return call("parse changelog " + changelogFile, () -> {
            ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
            return ChangeLogParserFactory.getInstance().getParser(changelogFile, accessor)
                    .parse(changelogFile, parameters(), accessor);
        });
    }

    private ChangeLogParameters parameters() {
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        parameters.setContexts(new Contexts(contexts));
        return parameters;
    }

    /** The changesets this deployment's contexts select, in changelog order. */
    public List<ChangesetRef> selected(DatabaseChangeLog changelog) {
        return call("select changesets", () -> {
            ContextChangeSetFilter contextFilter = new ContextChangeSetFilter(new Contexts(contexts));
            DbmsChangeSetFilter dbmsFilter = new DbmsChangeSetFilter(database);
            List<ChangesetRef> selected = new ArrayList<>();
            for (ChangeSet changeSet : changelog.getChangeSets()) {
                if (contextFilter.accepts(changeSet).isAccepted() && dbmsFilter.accepts(changeSet).isAccepted()) {
                    selected.add(ChangesetRef.of(changeSet));
                }
            }
            return selected;
        });
    }

    /**
     * Changesets not yet applied, as Liquibase's status command decides. Reads the tracking table now, never
     * a copy cached earlier in this scope (another instance may have migrated since). Takes no lock.
     */
    public List<ChangesetRef> pending(DatabaseChangeLog changelog) {
        return call("list pending changesets", () -> {
            Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
            return new StatusCommandStep()
                    .listUnrunChangeSets(new Contexts(contexts), new LabelExpression(), changelog, database)
                    .stream().map(ChangesetRef::of).toList();
        });
    }

    /**
     * Every selected changeset is recorded and none of the recorded ones changed, so there is nothing to
     * apply and no lock to wait for: an instance of the running release restarting during a newer release's
     * long migration serves at once. Reads only, and never creates the tracking table.
     */
    public boolean atHead(DatabaseChangeLog changelog) {
        return pending(changelog).isEmpty() && validationProblems(changelog).isEmpty();
    }

    /**
     * The migration lock on this operation's connection, not yet taken. Take it before {@link #update}: the
     * update command then reads the tracking table, and creates it on an empty database, only under the lock.
     */
    public MigrationLock lock() {
        return call("find its lock service", () -> MigrationLock.of(LockServiceFactory.getInstance().getLockService(database),
                database, ((JdbcConnection) database.getConnection()).getUnderlyingConnection()));
    }

    /**
     * Liquibase's validation of the changelog against the tracking table: applied changesets whose checksum
     * changed, duplicate ids, invalid changes. Empty when everything validates. Reads only.
     */
    public List<String> validationProblems(DatabaseChangeLog changelog) {
        return call("validate changelog", () -> {
            try {
                changelog.validate(database, new Contexts(contexts), new LabelExpression());
                return List.of();
            } catch (ValidationFailedException e) {
                List<String> problems = new ArrayList<>();
                e.getInvalidMD5Sums().forEach(p -> problems.add("checksum mismatch: " + p));
                if (problems.isEmpty()) {
                    // duplicate ids, failed preconditions, invalid changes: Liquibase's message lists them
                    e.getMessage().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(problems::add);
                }
                return problems;
            }
        });
    }

    /**
     * Applies every pending changeset with Liquibase's update command, reporting each to {@code listener}. The
     * command works out what is pending itself, in this fresh scope, after the lock is held: a list computed
     * before the lock could name changesets another instance has applied meanwhile, and run them twice.
     */
    public void update(ChangeExecListener listener) throws LiquibaseException {
        try {
            inScope(classLoader, () -> {
                // whatever an earlier read in this operation cached, the command reads afresh under the lock
                Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
                return null;
            });
            inScope(classLoader, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelogFile)
                    .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                    .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener)
                    .execute());
        } catch (LiquibaseException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    /** Runs {@code action} in this operation's Liquibase scope (class loader, logging, no analytics). */
    public <T> T inLiquibaseScope(String what, Callable<T> action) {
        return call(what, action);
    }

    @Override
    public void close() {
        try {
            inScope(classLoader, () -> {
                Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
                LockServiceFactory.getInstance().resetAll();
                return null;
            });
            database.close();
        } catch (Exception e) {
            // closing returns the connection to the pool; nothing to recover
        }
    }

    /**
     * Liquibase keeps its scope manager in a thread-local of the calling thread: on the deployment thread it
     * would pin this WAR's class loader after an undeploy (Payara Server logs it as a leak at stop-domain).
     * Liquibase has no way to remove it, so this does, once no Liquibase call is left on this thread.
     */
    public static void releaseThreadScope() {
        try {
            Field field = Scope.class.getDeclaredField("scopeManager");
            field.setAccessible(true);
            ((ThreadLocal<?>) field.get(null)).remove();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "Cannot remove Liquibase's thread-local scope: " + e);
        }
    }

    private <T> T call(String what, Callable<T> action) {
        try {
            return inScope(classLoader, action);
        } catch (SchemaMigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new SchemaMigrationException("Liquibase could not " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Liquibase finds changelogs on the WAR's class path, talks through java.util.logging instead of the
     * console, and sends no usage data anywhere.
     */
    private static <T> T inScope(ClassLoader loader, Callable<T> action) throws Exception {
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                Scope.Attr.classLoader.name(), loader,
                Scope.Attr.ui.name(), new LoggerUIService(),
                "liquibase.analytics.enabled", Boolean.FALSE);
        return Scope.child(scope, action::call);
    }
}
