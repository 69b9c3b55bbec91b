package id.narasiahli.schema.quality.control;

import id.narasiahli.testsupport.database.Changelogs;
import liquibase.changelog.ChangeSet;
import liquibase.database.core.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zero-downtime set (src/test/resources/lint/zero-downtime.sql): every unsafe changeset {@code uNN-…} is
 * flagged with exactly the rules its {@code --comment: expect …} names, and no safe rewrite {@code sNN-…} has
 * any finding, not even a warning. The rewrites of the two data changes are batched changes
 * (src/test/resources/lint/zero-downtime-batched.xml).
 */
class ZeroDowntimeLintTest {

    private static final String FILE = "lint/zero-downtime.sql";
    /** The rewrites of the two data changes: batched changes (XML customChange), linted after the SQL set. */
    private static final String BATCHED = "lint/zero-downtime-batched.xml";
    private static List<ChangeSet> changesets;
    private static Map<String, List<LintFinding>> byChangeset;

    @BeforeAll
    static void lintTheSet() {
        changesets = new java.util.ArrayList<>(Changelogs.changesets(FILE));
        changesets.addAll(Changelogs.changesets(BATCHED));
        byChangeset = new MigrationLint(new PostgresDatabase(), LintBaseline.empty()).lint(changesets, c -> true, Set.of())
                .stream().collect(Collectors.groupingBy(f -> f.changeset().split("::")[1], TreeMap::new, Collectors.toList()));
    }

    @Test
    void everyUnsafeStatementIsFlaggedWithItsRuleStatementAndFix() {
        List<ChangeSet> unsafe = changesets.stream().filter(c -> c.getId().startsWith("u")).toList();
        assertTrue(unsafe.size() >= 30, "the set holds at least 30 unsafe changesets: " + unsafe.size());
        for (ChangeSet changeSet : unsafe) {
            List<String> expected = Arrays.stream(changeSet.getComments().strip().split("\\s+")).skip(1).sorted().toList();
            List<LintFinding> found = byChangeset.getOrDefault(changeSet.getId(), List.of());
            assertEquals(expected, found.stream().map(LintFinding::rule).sorted().toList(), changeSet.getId() + ": " + found);
            for (LintFinding finding : found) {
                assertEquals(changeSet.getFilePath() + "::" + changeSet.getId() + "::zd", finding.changeset());
                assertTrue(finding.failsBuild(), finding.toString());
                assertTrue(!finding.statement().isBlank() && !finding.fix().isBlank(), finding.toString());
            }
        }
    }

    @Test
    void noSafeRewriteHasAnyFinding() {
        long safe = changesets.stream().filter(c -> c.getId().startsWith("s")).count();
        assertTrue(safe >= 30, "safe rewrites: " + safe);
        assertTrue(changesets.stream().anyMatch(c -> c.getId().equals("s21-update")), "the batched rewrites are linted too");
        Map<String, List<LintFinding>> onSafe = new TreeMap<>(byChangeset);
        onSafe.keySet().removeIf(id -> !id.startsWith("s") && !id.startsWith("base"));
        assertEquals(Map.of(), onSafe);
    }

    @Test
    void setNotNullIsSafeOnlyAfterTheCheckIsValidated() {
        LintFinding unvalidated = byChangeset.get("u12-set-not-null-unvalidated-check").get(0);
        assertEquals("ALTER TABLE orders ALTER COLUMN total SET NOT NULL", unvalidated.statement());
        assertTrue(unvalidated.fix().contains("VALIDATE CONSTRAINT"), unvalidated.fix());
    }
}
