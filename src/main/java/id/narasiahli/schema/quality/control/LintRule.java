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
    SET_NOT_NULL_WITHOUT_CHECK("set-not-null-without-check", Severity.ERROR,
            "SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock: first ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it in a later changeset, then SET NOT NULL (PostgreSQL 12+ uses the check and skips the scan) and drop the check"),
    CONSTRAINT_WITHOUT_INDEX("unique-without-index", Severity.ERROR,
            "ADD UNIQUE/PRIMARY KEY builds its index under an ACCESS EXCLUSIVE lock: CREATE UNIQUE INDEX CONCURRENTLY first (runInTransaction:false), then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY USING INDEX)"),
    VOLATILE_DEFAULT("volatile-default", Severity.ERROR,
            "a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()/serial, GENERATED ... STORED) rewrites the whole table under an ACCESS EXCLUSIVE lock: add the column without it (or with a constant), ALTER COLUMN ... SET DEFAULT for new rows, backfill old rows in a batched changeset"),
    UNBATCHED_DATA_CHANGE("unbatched-data-change", Severity.ERROR,
            "one UPDATE/DELETE of an existing table locks every row it touches until the deployment commits: use a batched changeset (a customChange of class id.narasiahli.schema.migration.batch.BatchedDataChange: batches keyed by primary key, each its own short transaction, resumable)"),
    REINDEX_WITHOUT_CONCURRENTLY("reindex-without-concurrently", Severity.ERROR,
            "REINDEX blocks writes (and reads through the index): REINDEX ... CONCURRENTLY in a runInTransaction:false changeset"),
    TABLE_REWRITE("vacuum-full-or-cluster", Severity.ERROR,
            "VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock for the whole run: plain VACUUM (ANALYZE) in a runInTransaction:false changeset, or pg_repack run by an operator outside the deployment"),
    LOCK_TABLE("lock-table", Severity.ERROR,
            "an explicit LOCK TABLE holds its lock until the deployment commits: remove it, let each statement take the lock it needs and bound the wait with lock_timeout"),
    TRUNCATE_EXISTING("truncate-existing-table", Severity.ERROR,
            "TRUNCATE takes an ACCESS EXCLUSIVE lock and removes rows the running version still reads: delete in a batched changeset, or create a new table and switch to it (expand/contract)"),
    TRIGGER_ON_EXISTING("trigger-on-existing-table", Severity.ERROR,
            "CREATE TRIGGER takes a SHARE ROW EXCLUSIVE lock on a table in use: create the function in an earlier changeset and the trigger in a changeset of its own that starts with SET LOCAL lock_timeout"),
    SCHEMA_AND_DATA("schema-and-data-mixed", Severity.ERROR,
            "a changeset that changes both the schema and the rows of a table in use holds the DDL's lock for the whole data change: put the data change in a changeset of its own (batched when it touches an existing table)"),
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
