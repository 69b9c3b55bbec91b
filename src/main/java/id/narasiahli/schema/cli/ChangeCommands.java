package id.narasiahli.schema.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The commands that apply or record changesets: update, update-sql, tag, mark-applied, mark-reverted. */
@Command
public class ChangeCommands {

    @Command(name = "update", description = "Applies pending changesets (all, up to a tag, or a number), one progress line each.")
    static int update(@Mixin Common common,
               @Option(names = "--to-tag", description = "up to and including the changeset that sets this tag") String toTag,
               @Option(names = "--count", description = "this many pending changesets") Integer count) {
        var target = SchemaCore.target(oneOf(toTag, count), count);
        Output out = common.output();
        Records records = new Records(() -> common.connect("update"));
        try (SchemaCore core = StatusCommands.open(common, "update");
             AutoCloseable lock = core.lock(common.lockWait(), waiting -> System.err.println(waiting))) {
            requireValid(core);
            var plan = core.updatePlan(target);
            Long audit = records.start("update", SchemaCore.key(target));
            var backups = BackupCommands.beforeDestructive(common, out, core.destructiveUpdate(target));
            out.line("Applying " + plan.changesets().size() + " changesets (" + SchemaCore.describe(target) + ") to " + common.describe());
            var outcome = core.update(plan, applied -> out.line(String.format("  applied  %-60s %7d ms", applied.id(),
                    applied.durationMs())));
            List<String[]> durations = new ArrayList<>();
            outcome.done().forEach(a -> durations.add(new String[]{a.file(), a.id(), a.author(), a.execType(), Long.toString(a.durationMs())}));
            records.durations(durations);
            int pending = core.pending().size();
            String summary = "applied " + outcome.done().size() + " changesets " + outcome.done().stream()
                    .map(SchemaCore.Applied::changeset).toList() + ", " + pending + " still pending";
            records.finish(audit, outcome.failure() == null ? "SUCCEEDED" : "FAILED",
                    outcome.failure() == null ? summary : outcome.failure());
            if (outcome.failure() != null) {
                throw new CommandFailure(outcome.failure());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("target", SchemaCore.describe(target));
            result.put("deploymentId", core.deploymentId());
            result.put("applied", outcome.done());
            result.put("backups", backups);
            result.put("pendingCount", pending);
            if (out.json()) {
                out.document(result);
            } else {
                out.line("Applied " + outcome.done().size() + " changesets in "
                        + outcome.done().stream().mapToLong(SchemaCore.Applied::durationMs).sum() + " ms; " + pending + " pending.");
            }
            return SchemaCommand.DONE;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandFailure("Update failed: " + SchemaCore.databaseError(e), e);
        }
    }

    @Command(name = "update-sql", description = "The SQL update would run; nothing is written to the database.")
    static int updateSql(@Mixin Common common, @Option(names = "--to-tag") String toTag, @Option(names = "--count") Integer count) {
        var target = SchemaCore.target(oneOf(toTag, count), count);
        Output out = common.output();
        try (SchemaCore core = StatusCommands.open(common, "update-sql")) {
            requireValid(core);
            var plan = core.updatePlan(target);
            String sql = core.updateSql(plan);
            if (out.json()) {
                out.document(Map.of("target", SchemaCore.describe(target), "changesets",
                        plan.changesets().stream().map(Object::toString).toList(), "sql", sql));
            } else {
                System.out.print(sql);
                System.out.flush();
            }
            return SchemaCommand.DONE;
        }
    }

    @Command(name = "tag", description = "Tags the current state (the last applied changeset), as Liquibase's tag command.")
    static int tag(@Mixin Common common, @Parameters(paramLabel = "NAME") String tag) {
        Output out = common.output();
        Records records = new Records(() -> common.connect("tag"));
        Long audit = records.start("tag", "tag:" + tag);
        try (SchemaCore core = StatusCommands.open(common, "tag");
             AutoCloseable lock = core.lock(common.lockWait(), waiting -> System.err.println(waiting))) {
            var applied = core.applied();
            if (applied.isEmpty()) {
                throw new CommandFailure("No changeset is applied, so there is no state to tag");
            }
            // Liquibase's rollback matches tags ignoring case: a twin differing in case would be ambiguous
            applied.stream().filter(r -> tag.equalsIgnoreCase(r.getTag())).findAny().ifPresent(r -> {
                throw new CommandFailure("The tag '" + r.getTag() + "' is already in the database; tags name one state each");
            });
            var last = applied.get(applied.size() - 1);
            if (last.getTag() != null) {
                throw new CommandFailure("The current state is already tagged '" + last.getTag() + "' (on " + last.getChangeLog()
                        + "::" + last.getId() + "); tagging it again would replace that tag");
            }
            core.tag(tag);
            String detail = "tagged " + last.getChangeLog() + "::" + last.getId() + "::" + last.getAuthor() + " '" + tag + "'";
            records.finish(audit, "SUCCEEDED", detail);
            if (out.json()) {
                out.document(Map.of("tag", tag, "changeset", last.getChangeLog() + "::" + last.getId() + "::" + last.getAuthor()));
            } else {
                out.line(detail.substring(0, 1).toUpperCase() + detail.substring(1) + ".");
            }
            return SchemaCommand.DONE;
        } catch (RuntimeException e) {
            records.finish(audit, e instanceof UsageException ? "REFUSED" : "FAILED", e.getMessage());
            throw e;
        } catch (Exception e) {
            records.finish(audit, "FAILED", e.getMessage());
            throw new CommandFailure("Tagging failed: " + SchemaCore.databaseError(e), e);
        }
    }

    @Command(name = "mark-applied", description = "Records pending changesets (all, or up to a tag) as applied without running them:"
            + " adopting a database whose schema was made another way (like alembic stamp).")
    static int markApplied(@Mixin Common common, @Option(names = "--to-tag") String toTag,
                    @Option(names = "--sql", description = "only print the SQL that would record them") boolean sqlOnly) {
        var target = SchemaCore.target(toTag, null);
        Output out = common.output();
        Records records = new Records(() -> common.connect("mark-applied"));
        try (SchemaCore core = StatusCommands.open(common, "mark-applied")) {
            requireValid(core);
            var plan = core.updatePlan(target);
            if (sqlOnly) {
                String sql = core.markAppliedSql(plan);
                if (out.json()) {
                    out.document(Map.of("changesets", plan.changesets().stream().map(Object::toString).toList(), "sql", sql));
                } else {
                    System.out.print(sql);
                }
                return SchemaCommand.DONE;
            }
            Long audit = records.start("mark-applied", SchemaCore.key(target));
            List<String> before = core.pending().stream().map(Object::toString).toList();
            try (AutoCloseable lock = core.lock(common.lockWait(), waiting -> System.err.println(waiting))) {
                core.markApplied(plan);
            }
            List<String> after = core.pending().stream().map(Object::toString).toList();
            List<String> marked = new ArrayList<>(before);
            marked.removeAll(after);
            records.finish(audit, "SUCCEEDED", "marked " + marked + " as applied without running them");
            if (out.json()) {
                out.document(Map.of("marked", marked, "pendingCount", after.size()));
            } else {
                marked.forEach(m -> out.line("  marked applied  " + m));
                out.line("Marked " + marked.size() + " changesets as applied without running them; " + after.size() + " pending.");
            }
            return SchemaCommand.DONE;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandFailure("Marking as applied failed: " + SchemaCore.databaseError(e), e);
        }
    }

    @Command(name = "mark-reverted", description = "Forgets that a changeset was applied, without running its rollback"
            + " (like supabase migration repair --status reverted).")
    static int markReverted(@Mixin Common common, @Parameters(paramLabel = "ID", description = "changeset id, or file::id::author") String id) {
        Output out = common.output();
        Records records = new Records(() -> common.connect("mark-reverted"));
        Long audit = records.start("mark-reverted", id);
        try (SchemaCore core = StatusCommands.open(common, "mark-reverted");
             AutoCloseable lock = core.lock(common.lockWait(), waiting -> System.err.println(waiting))) {
            String forgotten = core.markReverted(id);
            records.finish(audit, "SUCCEEDED", "marked " + forgotten + " as not applied; its rollback was not run");
            if (out.json()) {
                out.document(Map.of("reverted", forgotten));
            } else {
                out.line("Marked " + forgotten + " as not applied; its rollback was not run.");
            }
            return SchemaCommand.DONE;
        } catch (RuntimeException e) {
            records.finish(audit, "FAILED", e.getMessage());
            throw e;
        } catch (Exception e) {
            records.finish(audit, "FAILED", e.getMessage());
            throw new CommandFailure("Marking as reverted failed: " + SchemaCore.databaseError(e), e);
        }
    }

    static void requireValid(SchemaCore core) {
        var validation = core.validation();
        if (!validation.valid()) {
            throw new CommandFailure("The changelog does not validate against the database, so nothing was changed: "
                    + String.join("; ", validation.problems()) + " (see validate)");
        }
    }

    private static String oneOf(String toTag, Integer count) {
        if (toTag != null && count != null) {
            throw new UsageException("Give --to-tag or --count, not both");
        }
        if (count != null && count < 1) {
            throw new UsageException("--count must be 1 or more");
        }
        return toTag;
    }
}
