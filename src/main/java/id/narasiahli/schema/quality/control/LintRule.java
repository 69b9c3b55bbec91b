package id.narasiahli.schema.quality.control;

/**
 * The migration policy: each rule names the risk it guards against (a lock that stops traffic, or a change
 * the running version cannot survive) and how to write the change safely instead.
 */
public enum LintRule {

    INDEX_WITHOUT_CONCURRENTLY("index-without-concurrently", Severity.ERROR,
            "CREATE/DROP INDEX CONCURRENTLY in a changeset with runInTransaction:false, so writes go on while it builds"),
    CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR,
            "PostgreSQL refuses CONCURRENTLY inside a transaction: mark the changeset runInTransaction:false and keep it to that one statement"),
    NOT_NULL_WITHOUT_DEFAULT("not-null-without-default", Severity.ERROR,
            "add the column nullable (or with a constant DEFAULT), backfill in batches, then add a NOT VALID CHECK (col IS NOT NULL) and validate it"),
    COLUMN_TYPE_CHANGE("column-type-change", Severity.ERROR,
            "add a new column of the new type, write both, backfill, switch readers, drop the old column in a later release"),
    DROP_OR_RENAME("drop-or-rename", Severity.ERROR,
            "the running version still uses the old name: stop using it in one release, drop or rename in a later one (expand/contract)"),
    CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid", Severity.ERROR,
            "ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later changeset (it takes a lighter lock)"),
    MISSING_LOCK_TIMEOUT("missing-lock-timeout", Severity.ERROR,
            "start the changeset with SET LOCAL lock_timeout = '10s' (SET lock_timeout in a runInTransaction:false changeset)"),
    MISSING_ROLLBACK("missing-rollback", Severity.ERROR,
            "add a --rollback (or use a change type Liquibase can roll back by itself)"),
    NOT_IDEMPOTENT("not-idempotent", Severity.ERROR,
            "runAlways/runOnChange changesets run again: use IF NOT EXISTS / IF EXISTS / OR REPLACE / ON CONFLICT"),
    UNPARSED_STATEMENT("unparsed-statement", Severity.WARNING,
            "the lint's parser did not understand this statement, so no rule checked it: review it by hand");

    public enum Severity { ERROR, WARNING }

    private final String id;
    private final Severity severity;
    private final String fix;

    LintRule(String id, Severity severity, String fix) {
        this.id = id;
        this.severity = severity;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String fix() {
        return fix;
    }

    public static LintRule byId(String id) {
        for (LintRule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("Unknown lint rule '" + id + "'");
    }
}
