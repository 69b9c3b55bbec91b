package id.narasiahli.schema.liquibase;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.RuntimeEnvironment;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandResults;
import liquibase.command.CommandScope;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.ValidationFailedException;
import liquibase.executor.ExecutorService;
import liquibase.executor.LoggingExecutor;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.ArrayList;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

/**
 * The one Liquibase core: a session of Liquibase on one JDBC connection, used by the startup migration, the
 * admin API, lint and drift alike, and by anything outside the container that has a plain connection. It
 * holds the changelog this deployment runs (file and contexts), reads what the database records, and runs
 * Liquibase's own commands, each in a fresh {@link liquibase.command.CommandScope} inside one
 * {@link LiquibaseScope}. Nothing read from the tracking tables is reused: every read asks the database again.
 *
 * <p>Reads use Liquibase's building blocks (status' list of unrun changesets, the changelog validator,
 * the expected-changes visitor, the lock service's lock list) rather than its command pipeline, whose
 * helper step creates the tracking tables on an empty database, fails outright on a checksum mismatch
 * and resets process-wide executor state that a concurrent operation may be using. The changelog is
 * parsed once per session, without the database in Liquibase's scope (see {@link #changelog()}), so no
 * read ever writes.
 */
public final class LiquibaseSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiquibaseSession.class.getName());

    /** A reading session gives up on a table lock instead of queueing behind a migration's DDL. */
    private static final String READ_SETTINGS = "SET lock_timeout = '3s'; SET statement_timeout = '30s'";
    private static final String RESET_SETTINGS = "RESET lock_timeout; RESET statement_timeout";

    private final Connection connection;
    private final Database database;
    private final String changelogFile;
    private final String contexts;
    private final String deploymentId;
    private final LiquibaseScope scope;
    private final boolean reading;
    private DatabaseChangeLog changelog;

    private LiquibaseSession(Connection connection, Database database, String changelogFile, String contexts,
                          String deploymentId, LiquibaseScope scope, boolean reading) {
        this.connection = connection;
        this.database = database;
        this.changelogFile = changelogFile;
        this.contexts = contexts;
        this.deploymentId = deploymentId;
        this.scope = scope;
        this.reading = reading;
    }

    /**
     * Whether a contexts setting names the production context (where rolling back the baseline is refused): the one
     * rule for the server (SchemaSettings) and the command line (schema.cli), contexts separated by commas or
     * spaces, in any case.
     */
    public static boolean isProduction(String contexts) {
        return contexts != null && Arrays.stream(contexts.trim().split("[,\\s]+")).anyMatch("production"::equalsIgnoreCase);
    }

    /**
     * For operations that only read (status, lint); never waits more than seconds for a table lock another
     * session holds. Wraps {@code connection}, which closing this closes.
     */
    public static LiquibaseSession forReading(Connection connection, String changelogFile, String contexts) {
        return open(connection, changelogFile, contexts, true);
    }

    /** For operations that run Liquibase commands (update, rollback, tag); wraps {@code connection}, which closing this closes. */
    public static LiquibaseSession forCommands(Connection connection, String changelogFile, String contexts) {
        return open(connection, changelogFile, contexts, false);
    }

    private static LiquibaseSession open(Connection connection, String changelogFile, String contexts, boolean reading) {
        String deploymentId = newDeploymentId();
        LiquibaseScope scope = new LiquibaseScope(LiquibaseSession.class.getClassLoader(), deploymentId);
        try {
            if (reading) {
                execute(connection, READ_SETTINGS);
            }
            Database database = scope.call(() ->
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
            return new LiquibaseSession(connection, database, changelogFile, contexts, deploymentId, scope, reading);
        } catch (Exception e) {
            closeQuietly(connection);
            throw new SchemaMigrationException("Liquibase cannot use the database connection: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code action} on a changelog file on disk (any format Liquibase reads), parsed without any database,
     * in the core's scope with the file's directory and this code's class path as sources: for linting a
     * migration before it reaches the project.
     */
    public static <T> T withChangelogFile(Path file, Function<DatabaseChangeLog, T> action) {
        Path absolute = file.toAbsolutePath().normalize();
        ClassLoader loader = LiquibaseSession.class.getClassLoader();
        ResourceAccessor accessor;
        try {
            accessor = new CompositeResourceAccessor(new DirectoryResourceAccessor(absolute.getParent()),
                    new ClassLoaderResourceAccessor(loader));
        } catch (FileNotFoundException e) {
            throw new SchemaMigrationException("Cannot read the changelog " + file + ": " + ErrorMessages.rootMessage(e), e);
        }
        return parsed(new LiquibaseScope(loader, newDeploymentId(), accessor), absolute.getFileName().toString(), file.toString(), action);
    }

    /**
     * Runs {@code action} on a changelog of this code's class path (the WAR's or the build's), parsed without any
     * database exactly as a session parses it, so file names and checksums are the ones Liquibase records.
     */
    public static <T> T withClasspathChangelog(String changelogFile, Function<DatabaseChangeLog, T> action) {
        return parsed(new LiquibaseScope(LiquibaseSession.class.getClassLoader(), newDeploymentId()), changelogFile, changelogFile, action);
    }

    /** {@code action} on {@code name} as the scope's sources hold it; a failure names {@code shown}. */
    private static <T> T parsed(LiquibaseScope scope, String name, String shown, Function<DatabaseChangeLog, T> action) {
        try {
            return scope.call(() -> {
                ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
                return action.apply(ChangeLogParserFactory.getInstance().getParser(name, accessor)
                        .parse(name, new ChangeLogParameters(), accessor));
            });
        } catch (SchemaMigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new SchemaMigrationException("Cannot read the changelog " + shown + ": " + ErrorMessages.rootMessage(e), e);
        }
    }

    /** Liquibase's format: the last ten digits of the current time in milliseconds. */
    private static String newDeploymentId() {
        String millis = Long.toString(System.currentTimeMillis());
        return millis.substring(Math.max(0, millis.length() - 10));
    }

    public String deploymentId() {
        return deploymentId;
    }

    public String changelogFile() {
        return changelogFile;
    }

    public String contexts() {
        return contexts;
    }

    /**
     * The changelog, parsed once per session (it cannot change while the application runs), the one parse
     * every caller uses. Parsed without the database in Liquibase's scope: with one there, Liquibase 4.33
     * creates databasechangelog while it reads an include, so a status or lint request would write, and
     * several instances starting on an empty database would race to create it. A missing file or a
     * malformed changeset fails with Liquibase's message.
     */
    public DatabaseChangeLog changelog() {
        if (changelog == null) {
            changelog = call("parse changelog " + changelogFile, () -> {
                ChangeLogParameters parameters = new ChangeLogParameters(database);
                parameters.setContexts(new Contexts(contexts));
                ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
                return ChangeLogParserFactory.getInstance().getParser(changelogFile, accessor)
                        .parse(changelogFile, parameters, accessor);
            });
        }
        return changelog;
    }

    /** What databasechangelog holds now, in Liquibase's order (date executed, then order executed). */
    public List<RanChangeSet> ranChangesets() {
        return call("read databasechangelog", () -> {
            ChangeLogHistoryService history = history();
            history.reset();
            return List.copyOf(history.getRanChangeSets());
        });
    }

    /** Liquibase's validation of the changelog against the tracking table; reads only. */
    public Validation validation() {
        return call("validate changelog", () -> {
            history().reset();
            try {
                changelog().validate(database, new Contexts(contexts), new LabelExpression());
                return Validation.PASSED;
            } catch (ValidationFailedException e) {
                return Validation.of(e);
            }
        });
    }

    /**
     * Who holds the migration lock, read through a lock service of the kind Liquibase would use but
     * created here: Liquibase's factory keeps every database it is asked about, and a status endpoint
     * polled every few seconds would fill it.
     */
    public List<DatabaseChangeLogLock> locks() {
        return call("list migration locks", () -> {
            LockService prototype = Scope.getCurrentScope().getServiceLocator().findInstances(LockService.class).stream()
                    .filter(service -> service.supports(database))
                    .max(Comparator.comparingInt(LockService::getPriority))
                    .orElseThrow(() -> new IllegalStateException("Liquibase has no lock service for " + database.getShortName()));
            LockService service = prototype.getClass().getConstructor().newInstance();
            service.setDatabase(database);
            return List.of(service.listLocks());
        });
    }

    /**
     * Ends the database sessions holding the migration lock: a session advisory lock no other session can
     * unlock, which goes when its session ends (also rolling back its open transaction). Waits up to 5 s for
     * the lock to be gone; returns how many sessions were ended.
     */
    public int endLockHolders() {
        try {
            int ended = LockHolders.end(connection, database);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (ended > 0 && !locks().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return ended;
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot end the session holding the migration lock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaMigrationException("Interrupted while ending the migration lock's holder", e);
        }
    }

    /**
     * The migration lock on this session's connection, not yet taken: wait for it ({@link MigrationLock#acquire})
     * or take it only if free ({@link MigrationLock#tryAcquire}). Liquibase's commands in this session then find
     * it held by their own lock service and run under it, so the update command reads the tracking table, and
     * creates it on an empty database, only under the lock.
     */
    public MigrationLock migrationLock() {
        return call("find its lock service", () -> MigrationLock.of(LockServiceFactory.getInstance().getLockService(database),
                database, connection));
    }

    /**
     * The migration lock through Liquibase's own lock service for this database; the commands of this
     * session find the same instance, so once taken here they run under it.
     */
    public LockService lockService() {
        return call("find the lock service", () -> LockServiceFactory.getInstance().getLockService(database));
    }

    /**
     * Runs a Liquibase command against this database and changelog; {@code arguments} adds the rest. Its
     * text output (the update summary) goes to the log at FINE: the caller reports from the results.
     */
    public CommandResults run(String[] name, Map<String, Object> arguments) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            return scope.call(() -> execute(name, arguments, output));
        } finally {
            LOG.fine(() -> String.join(" ", name) + ": " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Runs a SQL-generating command: the SQL it would run, with nothing written to the database. The
     * command's own output executor is set up by one of its steps, and the step that prepares the tracking
     * table may run before it (changelogSyncToTagSql does): a logging executor installed first catches what
     * that step would create, and it goes in front of the rest, where it would run.
     */
    public String sql(String[] name, Map<String, Object> arguments) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StringWriter first = new StringWriter();
        scope.sqlOnly(() -> {
            ExecutorService executors = Scope.getCurrentScope().getSingleton(ExecutorService.class);
            executors.setExecutor("jdbc", database, new LoggingExecutor(executors.getExecutor("jdbc", database), first, database));
            try {
                return execute(name, arguments, output);
            } finally {
                executors.clearExecutor("jdbc", database);
            }
        });
        return first + output.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@code action} inside this session's Liquibase scope. */
    public <T> T inScope(Callable<T> action) throws Exception {
        return scope.call(action);
    }

    public Connection connection() {
        return connection;
    }

    private CommandResults execute(String[] name, Map<String, Object> arguments, ByteArrayOutputStream output) throws Exception {
        CommandScope command = new CommandScope(name)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue("changelogFile", changelogFile)
                .addArgumentValue("contextFilter", contexts);
        arguments.forEach(command::addArgumentValue);
        return command.setOutput(output).execute();
    }

    /** The changesets this deployment's contexts select, in changelog order. */
    public List<ChangesetRef> selected() {
        return call("select changesets", () -> {
            ContextChangeSetFilter contextFilter = new ContextChangeSetFilter(new Contexts(contexts));
            DbmsChangeSetFilter dbmsFilter = new DbmsChangeSetFilter(database);
            List<ChangesetRef> selected = new ArrayList<>();
            for (ChangeSet changeSet : changelog().getChangeSets()) {
                if (contextFilter.accepts(changeSet).isAccepted() && dbmsFilter.accepts(changeSet).isAccepted()) {
                    selected.add(ChangesetRef.of(changeSet));
                }
            }
            return selected;
        });
    }

    /** The pending changesets (Liquibase's status), read now from the tracking table. */
    public List<ChangesetRef> pending() {
        return selection().pending().stream().map(ChangesetRef::of).toList();
    }

    /**
     * Every selected changeset is recorded and none of the recorded ones changed, so there is nothing to
     * apply and no lock to wait for. Reads only, and never creates the tracking table.
     */
    public boolean atHead() {
        return pending().isEmpty() && validation().valid();
    }

    /**
     * Applies every pending changeset with Liquibase's update command, reporting each to {@code listener}. The
     * command works out what is pending itself, after the lock is held: a list computed before the lock could
     * name changesets another instance has applied meanwhile, and run them twice.
     */
    public void update(ChangeExecListener listener) throws Exception {
        inScope(() -> {
            // whatever an earlier read in this session cached, the command reads afresh under the lock
            history().reset();
            return null;
        });
        run(UpdateCommandStep.COMMAND_NAME, Map.of(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG.getName(), listener));
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

    /** The selections Liquibase's commands would make, worked out on this session without running anything. */
    public ChangesetSelection selection() {
        return new ChangesetSelection(this);
    }

    public Database database() {
        return database;
    }

    public ChangeLogHistoryService history() {
        return Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database);
    }

    public RuntimeEnvironment environment() {
        return new RuntimeEnvironment(database, new Contexts(contexts), new LabelExpression());
    }

    /** Runs {@code action} in this session's scope; any failure becomes one {@link SchemaMigrationException} naming {@code what}. */
    public <T> T call(String what, Callable<T> action) {
        try {
            return scope.call(action);
        } catch (SchemaMigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new SchemaMigrationException("Liquibase could not " + what + ": " + ErrorMessages.oneLine(e), e);
        }
    }

    @Override
    public void close() {
        try {
            scope.call(() -> {
                // Liquibase keeps one history service per database object in a process-wide map; drop ours
                Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
                if (!reading) {
                    // operations that take the lock run one at a time (OperationGate), so no one else uses the factory
                    LockServiceFactory.getInstance().resetAll();
                }
                return null;
            });
        } catch (Exception e) {
            // nothing to recover: the next operation reads afresh anyway
        }
        if (reading) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                execute(connection, RESET_SETTINGS);
            } catch (SQLException e) {
                // the pool validates the connection before handing it out again
            }
        }
        try {
            database.close();
        } catch (Exception e) {
            closeQuietly(connection);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // returning it to the pool failed; the pool discards it
        }
    }
}
