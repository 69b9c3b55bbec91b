package id.narasiahli.schema.quality.control;

import id.narasiahli.schema.liquibase.ChangesetRef;

/**
 * One rule broken by one statement of one changeset. {@code status} says whether it counts: {@code reported}
 * findings of severity error fail the build; {@code exempted} (a {@code -- lint:allow} in the changeset) and
 * {@code baselined} (liquibase/lint-baseline.txt) ones are shown with their reason and do not.
 */
public record LintFinding(String rule, LintRule.Severity severity, String changeset, String statement, String fix,
                          Status status, String reason) {

    public enum Status { REPORTED, EXEMPTED, BASELINED }

    static LintFinding of(LintRule rule, ChangesetRef changeset, String statement) {
        return new LintFinding(rule.id(), rule.severity(), changeset.toString(), statement, rule.fix(), Status.REPORTED, null);
    }

    LintFinding with(Status newStatus, String why) {
        return new LintFinding(rule, severity, changeset, statement, fix, newStatus, why);
    }

    public boolean failsBuild() {
        return status == Status.REPORTED && severity == LintRule.Severity.ERROR;
    }
}
