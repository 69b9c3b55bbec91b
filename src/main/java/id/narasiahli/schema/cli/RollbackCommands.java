package id.narasiahli.schema.cli;

import id.narasiahli.schema.operations.control.RollbackConfirmations;
import id.narasiahli.schema.backup.ServerBackups;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * rollback and rollback-sql. A rollback never runs unconfirmed: it prints the preview (changesets and SQL) and
 * runs only after a {@code y} typed on the terminal, or with {@code --confirm TOKEN} from an earlier preview of
 * the same rollback on the same database state (a token goes stale when anything is applied, rolled back or
 * tagged in between). Rolling back the baseline (users) or the audit table in the production contexts also
 * needs {@code --allow-destructive-baseline}. Rows of dropped tables and columns are copied to narasi_backup first.
 */
@Command
public class RollbackCommands {

    /** The changesets whose rollback would take the accounts or the record of schema operations with it. */
    static final List<String> BASELINE = ServerBackups.BASELINE;

    static class How {
        @Option(names = "--to-tag", required = true, description = "back to the state tagged so (its changeset stays applied)")
        String toTag;
        @Option(names = "--count", required = true, description = "this many of the last applied changesets")
        Integer count;
        @Option(names = "--to-changeset", required = true, description = "back to just after this applied changeset (id or file::id::author)")
        String toChangeset;
    }

    @Command(name = "rollback", description = "Rolls back after a preview and a confirmation (y on a terminal, or --confirm TOKEN).")
    static int rollback(@Mixin Common common, @ArgGroup(multiplicity = "1") How how,
                 @Option(names = "--confirm", paramLabel = "TOKEN", description = "the token a preview of this rollback printed") String token,
                 @Option(names = "--allow-destructive-baseline", description = "allow rolling back users or the audit table in production")
                 boolean allowBaseline,
                 @Option(names = "--password-stdin", description = "in the production contexts, read the database password"
                         + " (asked again before a rollback) from standard input instead of the terminal") boolean passwordStdin) {
        Output out = common.output();
        Records records = new Records(() -> common.connect("rollback"));
        try (SchemaCore core = StatusCommands.open(common, "rollback")) {
            ChangeCommands.requireValid(core);
            var target = core.rollbackTarget(how.toTag, how.count, how.toChangeset);
            var plan = core.rollbackPlan(target);
            refuseBaseline(common, plan.changesets().stream().map(Object::toString).toList(), allowBaseline);
            Console console = System.console();
            if (token == null && (console == null || out.json())) {
                var issued = records.issue(SchemaCore.key(target), plan.digest(), ttl());
                preview(out, plan.changesets(), plan.sql(), issued, "Not confirmed, nothing was rolled back. To run exactly this"
                        + " rollback: rollback " + flags(how) + " --confirm " + issued.token());
                return SchemaCommand.FAILED;
            }
            if (token != null) {
                preview(out, plan.changesets(), plan.sql(), null, null);
                reauthenticate(common, console, passwordStdin);
                records.confirm(token, SchemaCore.key(target), plan.digest());
            } else {
                preview(out, plan.changesets(), plan.sql(), null, null);
                String answer = console.readLine("Roll back these %d changesets? Type y to continue: ", plan.changesets().size());
                if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                    out.line("Not confirmed, nothing was rolled back.");
                    return SchemaCommand.FAILED;
                }
                reauthenticate(common, console, passwordStdin);
            }
            Long audit = records.start("rollback", SchemaCore.key(target));
            try (AutoCloseable lock = core.lock(common.lockWait(), waiting -> System.err.println(waiting))) {
                if (!core.trackingDigest().equals(plan.trackingDigest())) {
                    records.finish(audit, "REFUSED", "the database changed while the rollback waited for the lock");
                    throw new CommandFailure("Rollback refused, nothing was changed: the database changed while the rollback"
                            + " waited for the lock. Preview it again.");
                }
                var backups = BackupCommands.beforeDestructive(common, out, core.destructiveRollback(target));
                var outcome = core.rollback(plan, changeset -> out.line("  rolled back  " + changeset));
                int pending = core.pending().size();
                records.finish(audit, outcome.failure() == null ? "SUCCEEDED" : "FAILED", outcome.failure() == null
                        ? "rolled back " + outcome.done() + ", " + pending + " now pending" : outcome.failure());
                if (outcome.failure() != null) {
                    throw new CommandFailure(outcome.failure());
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("target", SchemaCore.describe(target));
                result.put("rolledBack", outcome.done());
                result.put("backups", backups);
                result.put("pendingCount", pending);
                if (out.json()) {
                    out.document(result);
                } else {
                    out.line("Rolled back " + outcome.done().size() + " changesets; " + pending + " pending."
                            + (backups.isEmpty() ? "" : " Restore removed rows with restore-backup ID once the schema has them again."));
                }
                return SchemaCommand.DONE;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandFailure("Rollback failed: " + SchemaCore.databaseError(e), e);
        }
    }

    @Command(name = "rollback-sql", description = "The SQL a rollback would run, and a token that confirms exactly that rollback.")
    static int rollbackSql(@Mixin Common common, @ArgGroup(multiplicity = "1") How how) {
        Output out = common.output();
        try (SchemaCore core = StatusCommands.open(common, "rollback-sql")) {
            ChangeCommands.requireValid(core);
            var target = core.rollbackTarget(how.toTag, how.count, how.toChangeset);
            var plan = core.rollbackPlan(target);
            var issued = new Records(() -> common.connect("rollback-sql")).issue(SchemaCore.key(target), plan.digest(), ttl());
            preview(out, plan.changesets(), plan.sql(), issued, "To run exactly this rollback: rollback " + flags(how)
                    + " --confirm " + issued.token());
            return SchemaCommand.DONE;
        }
    }

    private static void preview(Output out, List<?> changesets, String sql, RollbackConfirmations.Issued token, String next) {
        if (out.json()) {
            if (token == null) {
                return; // a confirmed rollback prints one document: its result
            }
            Map<String, Object> preview = new LinkedHashMap<>();
            preview.put("changesets", changesets.stream().map(Object::toString).toList());
            preview.put("sql", sql);
            preview.put("confirmationToken", token == null ? null : token.token());
            preview.put("expiresAt", token == null ? null : token.expiresAt());
            preview.put("rolledBack", List.of());
            out.document(preview);
            return;
        }
        out.line("Rollback of " + changesets.size() + " changesets, newest first:");
        changesets.forEach(c -> out.line("  " + c));
        out.line("");
        out.line(sql.strip());
        out.line("");
        if (token != null) {
            out.line("Confirmation token (valid until " + token.expiresAt() + "): " + token.token());
        }
        if (next != null) {
            out.line(next);
        }
    }

    /**
     * In the production contexts the database password is asked again before anything is rolled back (as the admin API
     * asks for the administrator's), on the terminal or from standard input with --password-stdin; before the token is
     * spent, so a typing error costs no new preview.
     */
    private static void reauthenticate(Common common, Console console, boolean fromStdin) {
        if (!common.production()) {
            return;
        }
        if (!common.connectsWithPassword()) {
            System.err.println("note: connected without a password (trust, peer or certificate authentication), so there is"
                    + " no password to ask again; that login is the only check");
            return;
        }
        String typed;
        if (fromStdin) {
            try {
                typed = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                typed = null;
            }
        } else if (console != null) {
            char[] chars = console.readPassword("Database password of %s, asked again before a rollback in production: ",
                    common.userName());
            typed = chars == null ? null : new String(chars);
        } else {
            throw new UsageException("In the production contexts a rollback asks for the database password again: run it on a"
                    + " terminal, or give --password-stdin with the password on standard input. Nothing was rolled back.");
        }
        if (!common.isConnectionPassword(typed)) {
            throw new CommandFailure("Rollback refused, nothing was changed: the database password given again (--password-stdin"
                    + " or the prompt) is not the one this command connects with.");
        }
    }

    private static void refuseBaseline(Common common, List<String> changesets, boolean allowed) {
        boolean production = common.production();
        List<String> baseline = changesets.stream().filter(c -> BASELINE.stream().anyMatch(id -> c.contains("::" + id + "::"))).toList();
        if (production && !baseline.isEmpty() && !allowed) {
            throw new CommandFailure("Refused, nothing was changed: this rollback includes " + baseline + ", which drops the accounts"
                    + " or the record of schema operations, in the production contexts. Give --allow-destructive-baseline if that"
                    + " is what you mean (the rows are copied to narasi_backup first).");
        }
    }

    private static String flags(How how) {
        return how.toTag != null ? "--to-tag " + how.toTag : how.count != null ? "--count " + how.count
                : "--to-changeset " + how.toChangeset;
    }

    private static Duration ttl() {
        String minutes = System.getenv("NARASI_SCHEMA_ROLLBACK_CONFIRMATION_MINUTES");
        return Duration.ofMinutes(minutes == null || minutes.isBlank() ? 15 : Long.parseLong(minutes.strip()));
    }
}
