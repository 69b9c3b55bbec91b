package id.narasiahli.schema.cli;

import id.narasiahli.platform.control.ApiException;
import id.narasiahli.schema.backup.BackupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@code java -jar narasi-schema.jar COMMAND [OPTIONS]}. Exit codes: {@value #DONE} done, {@value #FAILED} the
 * operation failed (the message names the changeset and the database error), {@value #USAGE} usage error,
 * {@value #FOUND} status/validate/lint/drift found pending changesets, checksum mismatches, lint errors or drift.
 */
@Command(name = "narasi-schema", mixinStandardHelpOptions = true, version = "narasi-schema (Liquibase 4.33.0)",
        subcommands = CommandLine.HelpCommand.class, sortOptions = false,
        description = "Migrations and backups of the Narasi Ahli database, with the server's lock, audit and lint.",
        footer = {"", "Exit codes: 0 done, 1 failed, 2 usage error, 3 pending changesets, checksum mismatches, lint errors or drift found.",
                "Connection: DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, DB_SSL (as the server) or --url/--user;",
                "the password is read from DB_PASSWORD or asked on the terminal, never given as an argument."})
public final class SchemaCommand implements Runnable {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int FOUND = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command (help lists them)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        quietLiquibase();
        CommandLine cli = new CommandLine(new SchemaCommand());
        for (Class<?> group : List.of(StatusCommands.class, ChangeCommands.class, RollbackCommands.class,
                QualityCommands.class, BackupCommands.class)) {
            CommandLine.getCommandMethods(group, null).forEach(cli::addSubcommand);
        }
        cli.setExecutionExceptionHandler((e, command, parsed) -> report(e, command.getParseResult().hasMatchedOption("--json")));
        return cli.execute(args);
    }

    /** One line that says what failed and why (or a JSON document), and the exit code that goes with it. */
    private static int report(Exception e, boolean json) {
        int code = e instanceof UsageException || (e instanceof ApiException api && api.status() == 400) ? USAGE : FAILED;
        String message = e instanceof CommandFailure || e instanceof UsageException || e instanceof ApiException
                || e instanceof BackupException ? e.getMessage() : SchemaCore.databaseError(e);
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", message);
            error.put("exitCode", code);
            System.out.println(Output.toJson(error));
        } else {
            PrintStream err = System.err;
            err.println("error: " + message);
        }
        return code;
    }

    /** Liquibase reports through java.util.logging: only its warnings reach the operator's terminal. */
    private static void quietLiquibase() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.WARNING);
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
    }
}
