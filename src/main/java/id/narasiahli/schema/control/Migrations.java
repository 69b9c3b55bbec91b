package id.narasiahli.schema.control;

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
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Liquibase, used through its own commands and visitors, on one JDBC connection. Each instance is one
 * operation's fresh scope: nothing parsed or read from the tracking tables outlives it, so a changeset
 * list is never reused after another instance may have changed the database.
 */
public final class Migrations implements AutoCloseable {

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

    /** Parses the changelog; a missing file or a malformed changeset fails with Liquibase's message. */
    public DatabaseChangeLog changelog() {
        return call("parse changelog " + changelogFile, () -> {
            ChangeLogParameters parameters = new ChangeLogParameters(database);
            parameters.setContexts(new Contexts(contexts));
            return DatabaseChangelogCommandStep.getDatabaseChangeLog(changelogFile, parameters, database);
        });
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

    /** Changesets not yet applied, as Liquibase's status command decides. Reads only; takes no lock. */
    public List<ChangesetRef> pending(DatabaseChangeLog changelog) {
        return call("list pending changesets", () -> new StatusCommandStep()
                .listUnrunChangeSets(new Contexts(contexts), new LabelExpression(), changelog, database)
                .stream().map(ChangesetRef::of).toList());
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

    /** Applies every pending changeset with Liquibase's update command, reporting each to {@code listener}. */
    public void update(ChangeExecListener listener) throws LiquibaseException {
        try {
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
