package id.narasiahli.schema.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** lint (the server's lint gate, also for a changelog file on disk) and drift (live schema against the changelog). */
@Command
public class QualityCommands {

    @Command(name = "lint", description = "The migration lint: pending changesets against the live tables, --all from an empty"
            + " database, or --changelog FILE (any Liquibase changelog on disk, no database). Exit 3 on an error finding.")
    static int lint(@Mixin Common common,
             @Option(names = "--changelog", paramLabel = "FILE", description = "lint this changelog file instead") Path file,
             @Option(names = "--all", description = "every changeset of the project's changelog") boolean all) {
        Output out = common.output();
        if (file != null && !Files.isRegularFile(file)) {
            throw new UsageException("No changelog file " + file);
        }
        String scope = file != null ? file.toString() : all ? "all" : "pending";
        var typed = file != null ? SchemaCore.lintFile(file)
                : SchemaCore.lintProject(common.connect("lint"), common.changelogFile, common.contexts, all);
        long errors = typed.stream().filter(SchemaCore::failsBuild).count();
        if (out.json()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("scope", scope);
            report.put("errors", errors);
            report.put("findings", typed);
            out.document(report);
        } else {
            typed.forEach(f -> {
                out.line(f.status() + " " + f.severity() + " " + f.rule() + " in " + f.changeset()
                        + (f.reason() == null ? "" : " (" + f.reason() + ")"));
                out.line("    " + f.statement().lines().findFirst().orElse(""));
                if (f.failsBuild()) {
                    out.line("    fix: " + f.fix());
                }
            });
            out.line("Lint of " + scope + ": " + typed.size() + " findings, " + errors + " errors.");
        }
        return errors == 0 ? SchemaCommand.DONE : SchemaCommand.FOUND;
    }

    @Command(name = "drift", description = "The live schema against the changelog applied to a shadow database; exit 3 on drift.")
    static int drift(@Mixin Common common,
              @Option(names = "--shadow-url", description = "a database kept for this (default: a scratch database next to the"
                      + " live one, which needs CREATEDB)") String shadowUrl) {
        Output out = common.output();
        var items = SchemaCore.drift(common.connect("drift"), common.jdbcUrl(), common.userName(), common.dumpTarget().password(),
                shadowUrl, common.changelogFile, common.contexts);
        if (out.json()) {
            out.document(Map.of("drift", items));
        } else if (items.isEmpty()) {
            out.line("No drift: the live schema is what the changelog makes.");
        } else {
            out.table(List.of("KIND", "TYPE", "NAME", "DETAIL"), items.stream()
                    .map(i -> List.<Object>of(i.kind(), i.type(), i.name(), i.detail())).toList());
        }
        return items.isEmpty() ? SchemaCommand.DONE : SchemaCommand.FOUND;
    }
}
