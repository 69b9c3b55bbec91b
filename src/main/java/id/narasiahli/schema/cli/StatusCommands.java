package id.narasiahli.schema.cli;

import liquibase.changelog.RanChangeSet;
import liquibase.lockservice.DatabaseChangeLogLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The commands that read: status, history, validate, locks; and release-locks, which ends a lock holder's session. */
@Command
public class StatusCommands {

    @Command(name = "status", description = "Pending and applied changesets, lock holder, checksum validity; exit 3 when not at head.")
    static int status(@Mixin Common common) {
        Output out = common.output();
        Map<String, Long> durations = new Records(() -> common.connect("status")).durations();
        try (SchemaCore core = open(common, "status")) {
            List<RanChangeSet> applied = core.applied();
            var pending = core.pending();
            var validation = core.validation();
            List<DatabaseChangeLogLock> locks = core.locks();
            var unexpected = core.unexpected();
            boolean atHead = pending.isEmpty() && validation.valid();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("database", common.describe());
            status.put("changelog", common.changelogFile);
            status.put("contexts", common.contexts);
            status.put("atHead", atHead);
            status.put("appliedCount", applied.size());
            status.put("lastApplied", applied.isEmpty() ? null : row(applied.get(applied.size() - 1), durations));
            status.put("pendingCount", pending.size());
            status.put("pending", pending.stream().map(Object::toString).toList());
            status.put("checksumsValid", validation.valid());
            status.put("problems", validation.problems());
            status.put("lockHolder", locks.isEmpty() ? null : SchemaCore.holder(locks));
            status.put("unexpected", unexpected.stream().map(Object::toString).toList());
            if (out.json()) {
                out.document(status);
            } else {
                out.line("Database    " + common.describe());
                out.line("Changelog   " + common.changelogFile + " (contexts " + common.contexts + ")");
                out.line("Applied     " + applied.size() + (applied.isEmpty() ? "" : ", last "
                        + applied.get(applied.size() - 1).getChangeLog() + "::" + applied.get(applied.size() - 1).getId()
                        + " at " + applied.get(applied.size() - 1).getDateExecuted().toInstant()));
                out.line("Pending     " + pending.size());
                pending.forEach(p -> out.line("              " + p));
                out.line("Checksums   " + (validation.valid() ? "valid" : "INVALID"));
                validation.problems().forEach(p -> out.line("              " + p));
                out.line("Lock        " + (locks.isEmpty() ? "free" : "held by " + SchemaCore.holder(locks)));
                if (!unexpected.isEmpty()) {
                    out.line("Unexpected  " + unexpected.size() + " applied changesets this changelog does not have");
                    unexpected.forEach(u -> out.line("              " + u));
                }
                out.line(atHead ? "At head: every changeset applied, checksums match." : "Not at head.");
            }
            return atHead ? SchemaCommand.DONE : SchemaCommand.FOUND;
        }
    }

    @Command(name = "history", description = "Applied changesets in the order they ran, with their measured durations.")
    static int history(@Mixin Common common) {
        Output out = common.output();
        Map<String, Long> durations = new Records(() -> common.connect("history")).durations();
        try (SchemaCore core = open(common, "history")) {
            List<Map<String, Object>> rows = core.applied().stream().map(r -> row(r, durations)).toList();
            if (out.json()) {
                out.document(Map.of("applied", rows));
            } else {
                List<List<Object>> table = new ArrayList<>();
                rows.forEach(r -> table.add(Arrays.asList(r.get("orderExecuted"), r.get("dateExecuted"), r.get("execType"),
                        r.get("durationMs") == null ? "" : r.get("durationMs") + " ms", r.get("tag"), r.get("id"))));
                out.table(List.of("#", "APPLIED AT", "TYPE", "DURATION", "TAG", "CHANGESET ID"), table);
            }
            return SchemaCommand.DONE;
        }
    }

    @Command(name = "validate", description = "Checksums and changelog against the database; exit 3 on a mismatch or a pending changeset.")
    static int validate(@Mixin Common common) {
        Output out = common.output();
        try (SchemaCore core = open(common, "validate")) {
            var validation = core.validation();
            var pending = core.pending();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("valid", validation.valid());
            result.put("checksumMismatches", validation.checksumMismatches());
            result.put("errors", validation.errors());
            result.put("pending", pending.stream().map(Object::toString).toList());
            if (out.json()) {
                out.document(result);
            } else {
                validation.problems().forEach(p -> out.line(p));
                pending.forEach(p -> out.line("pending changeset: " + p));
                out.line(validation.valid() && pending.isEmpty() ? "Valid: every changeset applied, checksums match."
                        : validation.problems().size() + " problems, " + pending.size() + " pending changesets.");
            }
            return validation.valid() && pending.isEmpty() ? SchemaCommand.DONE : SchemaCommand.FOUND;
        }
    }

    @Command(name = "locks", description = "Who holds the migration lock.")
    static int locks(@Mixin Common common) {
        Output out = common.output();
        try (SchemaCore core = open(common, "locks")) {
            List<DatabaseChangeLogLock> locks = core.locks();
            List<Map<String, Object>> rows = locks.stream().map(StatusCommands::lock).toList();
            if (out.json()) {
                out.document(Map.of("locks", rows));
            } else if (locks.isEmpty()) {
                out.line("The migration lock is free.");
            } else {
                out.table(List.of("ID", "HELD BY", "SINCE"), rows.stream().map(r -> List.<Object>of(r.get("id"),
                        r.get("lockedBy"), String.valueOf(r.get("since")))).toList());
            }
            return SchemaCommand.DONE;
        }
    }

    @Command(name = "release-locks", description = "Ends the database session holding the migration lock (for a holder that hangs).")
    static int releaseLocks(@Mixin Common common) {
        Output out = common.output();
        Records records = new Records(() -> common.connect("release-locks"));
        Long audit = records.start("release-locks", null);
        try (SchemaCore core = open(common, "release-locks")) {
            List<DatabaseChangeLogLock> held = core.locks();
            int ended = core.endLockHolders();
            String detail = held.isEmpty() ? "no lock was held" : "released the lock held by " + SchemaCore.holder(held)
                    + " (" + ended + " sessions ended)";
            records.finish(audit, "SUCCEEDED", detail);
            if (out.json()) {
                out.document(Map.of("released", !held.isEmpty(), "locks", held.stream().map(StatusCommands::lock).toList()));
            } else {
                out.line(detail.substring(0, 1).toUpperCase() + detail.substring(1) + ".");
            }
            return SchemaCommand.DONE;
        } catch (RuntimeException e) {
            records.finish(audit, "FAILED", e.getMessage());
            throw e;
        }
    }

    static SchemaCore open(Common common, String command) {
        Connection connection = common.connect(command);
        return SchemaCore.open(connection, common.changelogFile, common.contexts);
    }

    private static Map<String, Object> lock(DatabaseChangeLogLock lock) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", lock.getId());
        row.put("lockedBy", lock.getLockedBy());
        row.put("since", lock.getLockGranted() == null ? null : lock.getLockGranted().toInstant());
        return row;
    }

    static Map<String, Object> row(RanChangeSet ran, Map<String, Long> durations) {
        Map<String, Object> row = new LinkedHashMap<>();
        String changeset = ran.getChangeLog() + "::" + ran.getId() + "::" + ran.getAuthor();
        row.put("orderExecuted", ran.getOrderExecuted());
        row.put("changeset", changeset);
        row.put("id", ran.getId());
        row.put("dateExecuted", ran.getDateExecuted() == null ? null : ran.getDateExecuted().toInstant());
        row.put("execType", ran.getExecType() == null ? null : ran.getExecType().name());
        row.put("durationMs", durations.get(changeset + "::" + ran.getDeploymentId()));
        row.put("tag", ran.getTag());
        row.put("checksum", ran.getLastCheckSum() == null ? null : ran.getLastCheckSum().toString());
        row.put("deploymentId", ran.getDeploymentId());
        return row;
    }
}
