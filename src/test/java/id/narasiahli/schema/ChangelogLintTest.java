package id.narasiahli.schema;

import id.narasiahli.schema.quality.control.LintBaseline;
import id.narasiahli.schema.quality.control.LintFinding;
import id.narasiahli.schema.quality.control.MigrationLint;
import id.narasiahli.testsupport.database.Changelogs;
import liquibase.database.core.PostgresDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The build's lint gate: every changeset of the project's changelog, checked from an empty database. An
 * error finding fails the build unless the changeset carries a {@code -- lint:allow} or the baseline accepts it.
 */
class ChangelogLintTest {

    private static final Logger LOG = Logger.getLogger(ChangelogLintTest.class.getName());

    @Test
    void everyBaselineEntryStillMatchesAFinding() {
        LintBaseline baseline = LintBaseline.load(getClass().getClassLoader());
        Set<String> matched = new MigrationLint(new PostgresDatabase(), baseline).lint(Changelogs.changesets(), c -> true, Set.of())
                .stream().filter(f -> f.status() == LintFinding.Status.BASELINED)
                .map(f -> f.rule() + " " + f.changeset()).collect(java.util.stream.Collectors.toSet());
        assertEquals(baseline.entries(), matched, "remove baseline lines that no longer match a finding");
    }

    @Test
    void projectChangelogHasNoUnacceptedErrors() {
        List<LintFinding> findings = new MigrationLint(new PostgresDatabase(), LintBaseline.load(getClass().getClassLoader()))
                .lint(Changelogs.changesets(), c -> true, Set.of());
        findings.forEach(f -> LOG.info(() -> f.status() + " " + f.severity() + " " + f.rule() + " " + f.changeset()
                + (f.reason() == null ? "" : " (" + f.reason() + ")") + ": " + f.statement()));
        List<String> failing = findings.stream().filter(LintFinding::failsBuild)
                .map(f -> f.rule() + " in " + f.changeset() + ": " + f.statement() + "\n  fix: " + f.fix()).toList();
        assertEquals(List.of(), failing, "Fix these changesets or justify them with '-- lint:allow <rule> <reason>'");
    }
}
