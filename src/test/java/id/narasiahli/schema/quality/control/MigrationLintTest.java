package id.narasiahli.schema.quality.control;

import id.narasiahli.testsupport.database.Changelogs;
import liquibase.changelog.ChangeSet;
import liquibase.database.core.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule against a seeded unsafe changeset and its safe rewrite (src/test/resources/lint/unsafe-and-safe.sql). */
class MigrationLintTest {

    private static final String FILE = "lint/unsafe-and-safe.sql";
    private static List<LintFinding> findings;

    @BeforeAll
    static void lintSeededChangelog() {
        List<ChangeSet> changesets = Changelogs.changesets(FILE);
        findings = new MigrationLint(new PostgresDatabase(), LintBaseline.empty()).lint(changesets, c -> true, Set.of());
    }

    @ParameterizedTest(name = "{0} flags {1}")
    @CsvSource(delimiter = '|', value = {
            "unsafe-index | index-without-concurrently | CREATE INDEX idx_accounts_email ON accounts (email)",
            "unsafe-drop-index | index-without-concurrently | DROP INDEX idx_accounts_email",
            "unsafe-concurrently-in-transaction | concurrently-in-transaction | CREATE INDEX CONCURRENTLY idx_accounts_nickname ON accounts (nickname)",
            "unsafe-not-null | not-null-without-default | ALTER TABLE accounts ADD COLUMN status VARCHAR(20) NOT NULL",
            "unsafe-type-change | column-type-change | ALTER TABLE accounts ALTER COLUMN nickname TYPE TEXT",
            "unsafe-drop-column | drop-or-rename | ALTER TABLE accounts DROP COLUMN score",
            "unsafe-rename-column | drop-or-rename | ALTER TABLE accounts RENAME COLUMN nickname TO display_name",
            "unsafe-drop-table | drop-or-rename | DROP TABLE legacy_items",
            "unsafe-foreign-key | constraint-without-not-valid | ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner2 FOREIGN KEY (owner_id) REFERENCES accounts (id)",
            "unsafe-check | constraint-without-not-valid | ALTER TABLE accounts ADD CONSTRAINT chk_accounts_score CHECK (score >= 0)",
            "unsafe-lock-timeout | missing-lock-timeout | ALTER TABLE accounts ADD COLUMN bio TEXT",
            "unsafe-rollback | missing-rollback | CREATE TABLE audit_notes (id SERIAL PRIMARY KEY, note TEXT)",
            "unsafe-idempotent | not-idempotent | CREATE TABLE lookup_values (code VARCHAR(10) PRIMARY KEY)",
            "unsafe-create-table-fk | missing-lock-timeout | CREATE TABLE account_notes (id SERIAL PRIMARY KEY, account_id INTEGER REFERENCES accounts (id))",
            "unsafe-local-outside-transaction | missing-lock-timeout | CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_accounts_bio ON accounts (bio)",
    })
    void flagsUnsafeChangesetWithRuleChangesetAndStatement(String id, String rule, String statement) {
        List<LintFinding> found = of(id);
        assertEquals(List.of(rule), found.stream().map(LintFinding::rule).toList(), "findings of " + id + ": " + found);
        LintFinding finding = found.get(0);
        assertEquals(FILE + "::" + id + "::lint", finding.changeset());
        assertEquals(statement, finding.statement());
        assertEquals(LintRule.Severity.ERROR, finding.severity());
        assertEquals(LintFinding.Status.REPORTED, finding.status());
        assertTrue(finding.failsBuild());
        assertTrue(!finding.fix().isBlank());
    }

    @ParameterizedTest(name = "{0} passes")
    @CsvSource({"base", "safe-index", "safe-drop-index", "safe-not-null", "safe-type-change", "safe-drop-column",
            "safe-foreign-key", "safe-check", "safe-lock-timeout", "safe-rollback", "safe-idempotent",
            "safe-create-table-fk"})
    void passesSafeRewrite(String id) {
        assertEquals(List.of(), of(id));
    }

    @Test
    void exemptionSuppressesExactlyItsRuleAndShowsWithItsReason() {
        List<LintFinding> found = of("exempted");
        LintFinding exempted = found.stream().filter(f -> f.rule().equals("drop-or-rename")).findFirst().orElseThrow();
        assertEquals(LintFinding.Status.EXEMPTED, exempted.status());
        assertEquals("nothing reads accounts.score since release 1.4 (ticket 42)", exempted.reason());
        assertTrue(!exempted.failsBuild());
        LintFinding other = found.stream().filter(f -> f.rule().equals("missing-lock-timeout")).findFirst().orElseThrow();
        assertEquals(LintFinding.Status.REPORTED, other.status(), "the exemption names drop-or-rename only");
        assertEquals(2, found.size(), found.toString());
    }

    @Test
    void baselineAcceptsNamedFindingWithReason() {
        LintBaseline baseline = LintBaseline.parse("# accepted\nmissing-rollback " + FILE + "::unsafe-rollback::lint old and released\n");
        List<LintFinding> found = new MigrationLint(new PostgresDatabase(), baseline)
                .lint(Changelogs.changesets(FILE), c -> c.getId().equals("unsafe-rollback"), Set.of());
        assertEquals(1, found.size());
        assertEquals(LintFinding.Status.BASELINED, found.get(0).status());
        assertEquals("old and released", found.get(0).reason());
    }

    @Test
    void tableInLiveDatabaseCountsAsExisting() {
        List<ChangeSet> one = Changelogs.changesets(FILE).stream().filter(c -> c.getId().equals("unsafe-rollback")).toList();
        List<LintFinding> found = new MigrationLint(new PostgresDatabase(), LintBaseline.empty())
                .lint(one, c -> true, Set.of("audit_notes"));
        assertEquals(List.of("missing-rollback"), found.stream().map(LintFinding::rule).toList(),
                "CREATE TABLE of an existing name is not a locking change; only the rollback is missing");
    }

    @Test
    void lintsTheSqlLiquibaseGeneratesForOtherChangeTypes() {
        List<LintFinding> found = new MigrationLint(new PostgresDatabase(), LintBaseline.empty())
                .lint(Changelogs.changesets("lint/change-types.xml"), c -> true, Set.of());
        assertEquals(List.of("index-without-concurrently", "missing-lock-timeout", "not-null-without-default"),
                found.stream().map(LintFinding::rule).distinct().sorted().toList(), found.toString());
        assertTrue(found.stream().allMatch(f -> f.changeset().equals("lint/change-types.xml::index-and-column::lint")));
        assertTrue(found.stream().anyMatch(f -> f.statement().startsWith("CREATE INDEX idx_gadgets_name ON")), found.toString());
    }

    private static List<LintFinding> of(String id) {
        return findings.stream().filter(f -> f.changeset().equals(FILE + "::" + id + "::lint")).toList();
    }
}
