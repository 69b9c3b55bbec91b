package id.narasiahli.testsupport.database;

import liquibase.Contexts;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.RollbackCountSqlCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The project's changelogs driven from the test JVM with Liquibase's own commands, on a test database. */
public final class Changelogs {

    public static final String MASTER = "liquibase/db.changelog-master.xml";
    /** What the application runs unless told otherwise (narasi.schema.contexts); dev seed data stays out. */
    public static final String PRODUCTION = "production";

    private Changelogs() {
    }

    public static List<ChangeSet> changesets() {
        return changesets(MASTER);
    }

    public static List<ChangeSet> changesets(String changelogFile) {
        return inScope(() -> {
            ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
            DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(changelogFile, accessor)
                    .parse(changelogFile, new ChangeLogParameters(), accessor);
            return log.getChangeSets();
        });
    }

    /** The changesets the production contexts select, in changelog order. */
    public static List<ChangeSet> productionChangesets() {
        ContextChangeSetFilter production = new ContextChangeSetFilter(new Contexts(PRODUCTION));
        return changesets().stream().filter(c -> production.accepts(c).isAccepted()).toList();
    }

    public static void update(String database) {
        run(database, command(UpdateCommandStep.COMMAND_NAME));
    }

    public static void update(String database, String changelogFile, String contexts) {
        run(database, changelogFile, contexts, command(UpdateCommandStep.COMMAND_NAME));
    }

    /** Records every changeset as applied without running it: a database whose schema came from elsewhere. */
    public static void changelogSync(String database) {
        run(database, command(ChangelogSyncCommandStep.COMMAND_NAME));
    }

    public static void updateCount(String database, int count) {
        run(database, command(UpdateCountCommandStep.COMMAND_NAME)
                .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, count));
    }

    public static void rollbackCount(String database, int count) {
        rollbackCount(database, count, PRODUCTION);
    }

    public static void rollbackCount(String database, int count, String contexts) {
        run(database, MASTER, contexts, command(RollbackCountCommandStep.COMMAND_NAME)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count));
    }

    public static void rollbackCount(String database, String changelogFile, int count) {
        run(database, changelogFile, PRODUCTION, command(RollbackCountCommandStep.COMMAND_NAME)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count));
    }

    /** The SQL Liquibase would run to roll back the last {@code count} changesets; changes nothing. */
    public static String rollbackCountSql(String database, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run(database, command(RollbackCountSqlCommandStep.COMMAND_NAME)
                .addArgumentValue(RollbackCountSqlCommandStep.COUNT_ARG, count)
                .setOutput(out));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static CommandScope command(String... name) {
        try {
            return new CommandScope(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String database, CommandScope command) {
        run(database, MASTER, PRODUCTION, command);
    }

    private static void run(String database, String changelogFile, String contexts, CommandScope command) {
        inScope(() -> command
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, TestDatabase.jdbcUrl(database))
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelogFile)
                .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                .execute());
    }

    private static <T> T inScope(Callable<T> action) {
        try {
            return Scope.child(Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Changelogs.class.getClassLoader()),
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.analytics.enabled", Boolean.FALSE), action::call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
