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
import liquibase.resource.ResourceAccessor;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

/**
 * One admin schema operation's Liquibase session on one pooled connection: the changelog this deployment
 * runs (file and contexts as at startup), what the database records, and Liquibase's own commands, each
 * in a fresh {@link CommandScope}. Nothing read from the tracking tables is reused: every read asks the
 * database again.
 *
 * <p>Reads use Liquibase's building blocks (status' list of unrun changesets, the changelog validator,
 * the expected-changes visitor, the lock service's lock list) rather than its command pipeline, whose
 * helper step creates the tracking tables on an empty database, fails outright on a checksum mismatch
 * and resets process-wide executor state that a concurrent operation may be using.
 */
public final class SchemaSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SchemaSession.class.getName());

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

    private SchemaSession(Connection connection, Database database, String changelogFile, String contexts,
                          String deploymentId, LiquibaseScope scope, boolean reading) {
        this.connection = connection;
        this.database = database;
        this.changelogFile = changelogFile;
        this.contexts = contexts;
        this.deploymentId = deploymentId;
        this.scope = scope;
        this.reading = reading;
    }

    /** For operations that only read; never waits more than seconds for a lock another session holds. */
    public static SchemaSession forReading(Connection connection, String changelogFile, String contexts) {
        return open(connection, changelogFile, contexts, true);
    }

    /** For operations that run Liquibase commands; wraps {@code connection}, which closing this closes. */
    public static SchemaSession forCommands(Connection connection, String changelogFile, String contexts) {
        return open(connection, changelogFile, contexts, false);
    }

    private static SchemaSession open(Connection connection, String changelogFile, String contexts, boolean reading) {
        String deploymentId = newDeploymentId();
        LiquibaseScope scope = new LiquibaseScope(SchemaSession.class.getClassLoader(), deploymentId);
        try {
            if (reading) {
                execute(connection, READ_SETTINGS);
            }
            Database database = scope.call(() ->
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
            return new SchemaSession(connection, database, changelogFile, contexts, deploymentId, scope, reading);
        } catch (Exception e) {
            closeQuietly(connection);
            throw new SchemaMigrationException("Liquibase cannot use the database connection: " + e.getMessage(), e);
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
     * The WAR's changelog, parsed once per session (it cannot change while the application runs). Parsed
     * without the database in Liquibase's scope: with one there, Liquibase 4.33 creates databasechangelog
     * while it reads an include, and a status request must not write.
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
     * Ends the database sessions holding the migration lock. It is a PostgreSQL session advisory lock
     * (liquibase-sessionlock): no other session can unlock it, and it goes when its session ends. So a lock
     * whose holder hangs is released by ending that session, which also rolls back its open transaction.
     * Waits up to 5 s for the lock to be gone; returns how many sessions were ended.
     */
    public int endLockHolders() {
        int[] key = {database.getDatabaseChangeLogLockTableName().hashCode(), database.getDefaultSchemaName().hashCode()};
        String holders = """
                SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l
                 WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND l.classid = ?::oid AND l.objid = ?::oid AND l.pid <> pg_backend_pid()""";
        try (PreparedStatement query = connection.prepareStatement(holders)) {
            query.setInt(1, key[0]);
            query.setInt(2, key[1]);
            int ended;
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                ended = rows.getInt(1);
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (ended > 0 && !locks().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return ended;
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot end the session holding the migration lock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    /** The selections Liquibase's commands would make, worked out on this session without running anything. */
    public ChangesetSelection selection() {
        return new ChangesetSelection(this);
    }

    Database database() {
        return database;
    }

    ChangeLogHistoryService history() {
        return Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database);
    }

    RuntimeEnvironment environment() {
        return new RuntimeEnvironment(database, new Contexts(contexts), new LabelExpression());
    }

    <T> T call(String what, Callable<T> action) {
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
