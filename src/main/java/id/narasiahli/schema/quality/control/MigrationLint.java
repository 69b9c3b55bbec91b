package id.narasiahli.schema.quality.control;

import id.narasiahli.schema.liquibase.ChangesetRef;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.NamedConstraint;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.drop.Drop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks changesets against {@link LintRule}. It walks the whole changelog in order so it knows which tables
 * exist before each changeset (created earlier, or present in the live database) and only reports on the
 * changesets asked for: a table created in the same changeset holds no rows and no traffic, so the locking
 * rules do not apply to it.
 */
public final class MigrationLint {

    private static final Pattern ALLOW = Pattern.compile("--\\s*lint:allow\\s+([a-z-]+)\\s+(\\S.*)");
    private static final Pattern VALIDATE = Pattern.compile("(?i)\\bVALIDATE\\s+CONSTRAINT\\s+(\"[^\"]+\"|\\w+)");
    private static final Pattern TRIGGER_TABLE = Pattern.compile("(?i)\\bON\\s+(\"[^\"]+\"|[\\w.]+)");
    /** Defaults PostgreSQL must compute per row, so ADD COLUMN rewrites the table (constants and now() do not). */
    private static final Pattern VOLATILE = Pattern.compile(
            "(?i)\\b(random|gen_random_uuid|uuid_generate_v[14]\\w*|clock_timestamp|timeofday|nextval|txid_current)\\s*\\(");

    private final Database postgres;
    private final LintBaseline baseline;

    public MigrationLint(Database postgres, LintBaseline baseline) {
        this.postgres = postgres;
        this.baseline = baseline;
    }

    /**
     * @param changesets the whole changelog, in order
     * @param report     which changesets to report on (the pending ones, or all)
     * @param liveTables tables that exist in the live database (lower case), empty when linting without one
     */
    public List<LintFinding> lint(List<ChangeSet> changesets, Predicate<ChangeSet> report, Set<String> liveTables) {
        Set<String> known = new HashSet<>(liveTables);
        NotNullChecks checks = new NotNullChecks();
        List<LintFinding> findings = new ArrayList<>();
        for (ChangeSet changeSet : changesets) {
            ChangesetCheck check = new ChangesetCheck(changeSet, known, checks);
            check.run();
            if (report.test(changeSet)) {
                findings.addAll(settle(changeSet, check.findings));
            }
        }
        return findings;
    }

    private List<LintFinding> settle(ChangeSet changeSet, java.util.Collection<LintFinding> raw) {
        Map<String, String> allowed = exemptions(changeSet);
        List<LintFinding> settled = new ArrayList<>();
        for (LintFinding finding : raw) {
            if (allowed.containsKey(finding.rule())) {
                settled.add(finding.with(LintFinding.Status.EXEMPTED, allowed.get(finding.rule())));
            } else {
                settled.add(baseline.reason(finding.rule(), finding.changeset())
                        .map(reason -> finding.with(LintFinding.Status.BASELINED, reason))
                        .orElse(finding));
            }
        }
        return settled;
    }

    static Map<String, String> exemptions(ChangeSet changeSet) {
        Map<String, String> allowed = new java.util.HashMap<>();
        Matcher m = ALLOW.matcher(ChangesetSql.source(changeSet));
        while (m.find()) {
            allowed.put(LintRule.byId(m.group(1)).id(), m.group(2).strip());
        }
        return allowed;
    }

    /** One changeset's statements in order, with what it created and whether a lock timeout is set yet. */
    private final class ChangesetCheck {
        private final ChangeSet changeSet;
        private final ChangesetRef ref;
        private final Set<String> known;
        private final NotNullChecks checks;
        private final Set<String> createdHere = new HashSet<>();
        private final Set<String> indexesHere = new HashSet<>();
        private final Set<LintFinding> findings = new LinkedHashSet<>();
        private boolean lockTimeout;
        private int statementCount;
        /** What kinds of change the changeset makes, and whether a table in use is among their targets. */
        private PgStatement firstSchemaChange;
        private PgStatement firstDataChange;
        private boolean touchesExisting;

        ChangesetCheck(ChangeSet changeSet, Set<String> known, NotNullChecks checks) {
            this.changeSet = changeSet;
            this.ref = ChangesetRef.of(changeSet);
            this.known = known;
            this.checks = checks;
        }

        void run() {
            List<PgStatement> statements = ChangesetSql.statements(changeSet, postgres);
            statementCount = (int) statements.stream()
                    .filter(s -> !(s.tree().orElse(null) instanceof SetStatement)).count();
            for (PgStatement statement : statements) {
                if (statement.utility().isPresent()) {
                    utility(statement, statement.utility().get());
                } else {
                    statement.tree().ifPresentOrElse(tree -> check(statement, tree),
                            () -> flag(LintRule.UNPARSED_STATEMENT, statement));
                }
            }
            if (firstSchemaChange != null && firstDataChange != null && touchesExisting) {
                flag(LintRule.SCHEMA_AND_DATA, firstDataChange);
            }
            if (!statements.isEmpty() && lacksRollback()) {
                flag(LintRule.MISSING_ROLLBACK, statements.get(0));
            }
            known.addAll(createdHere);
        }

        private void schemaChange(PgStatement s, boolean onExisting) {
            firstSchemaChange = firstSchemaChange == null ? s : firstSchemaChange;
            touchesExisting |= onExisting;
        }

        private void dataChange(PgStatement s, boolean onExisting) {
            firstDataChange = firstDataChange == null ? s : firstDataChange;
            touchesExisting |= onExisting;
        }

        /** Utility commands the parser cannot read: REINDEX, VACUUM, CLUSTER, LOCK, CREATE TRIGGER. */
        private void utility(PgStatement s, String command) {
            String arguments = s.utilityArguments();
            switch (command) {
                case "REINDEX" -> {
                    concurrentlyInTransaction(s);
                    if (!s.concurrently()) {
                        flag(LintRule.REINDEX_WITHOUT_CONCURRENTLY, s);
                    }
                    requireLockTimeout(s);
                }
                case "VACUUM" -> {
                    if (arguments.matches("(?s)\\s*(\\([^)]*\\bFULL\\b[^)]*\\)|FULL\\b).*")) {
                        flag(LintRule.TABLE_REWRITE, s);
                    }
                }
                case "CLUSTER" -> flag(LintRule.TABLE_REWRITE, s);
                case "LOCK" -> flag(LintRule.LOCK_TABLE, s);
                default -> trigger(s, arguments);
            }
        }

        private void trigger(PgStatement s, String arguments) {
            Matcher on = TRIGGER_TABLE.matcher(arguments);
            boolean existing = on.find() && existing(on.group(1));
            schemaChange(s, existing);
            // a trigger alone in its changeset, with its wait bounded, holds its lock for an instant
            if (existing && (!lockTimeout || statementCount > 1)) {
                flag(LintRule.TRIGGER_ON_EXISTING, s);
            }
        }

        private void check(PgStatement s, Statement tree) {
            if (tree instanceof SetStatement set) {
                // SET LOCAL outside a transaction block only warns and lasts for nothing
                boolean effective = changeSet.isRunInTransaction() || !"LOCAL".equalsIgnoreCase(set.getEffectParameter());
                lockTimeout |= effective && "lock_timeout".equalsIgnoreCase(String.valueOf(set.getName()));
            } else if (tree instanceof Update update) {
                dataChange(s, unbatched(s, update.getTable().getName()));
            } else if (tree instanceof Delete delete) {
                dataChange(s, unbatched(s, delete.getTable().getName()));
            } else if (tree instanceof Insert insert) {
                dataChange(s, existing(insert.getTable().getName()));
            } else if (tree instanceof Truncate truncate) {
                boolean existing = existing(truncate.getTable().getName());
                if (existing) {
                    flag(LintRule.TRUNCATE_EXISTING, s);
                }
                dataChange(s, existing);
            } else if (tree instanceof CreateTable create) {
                schemaChange(s, false);
                createdHere.add(name(create.getTable().getName()));
                if (repeats() && !create.isIfNotExists()) {
                    flag(LintRule.NOT_IDEMPOTENT, s);
                }
                // a new table's foreign key locks the table it references (SHARE ROW EXCLUSIVE)
                if (referencedTables(create).stream().anyMatch(this::existing)) {
                    requireLockTimeout(s);
                }
            } else if (tree instanceof CreateIndex index) {
                indexes(s, index);
            } else if (tree instanceof Drop drop) {
                drop(s, drop);
            } else if (tree instanceof Alter alter) {
                alter(s, alter);
            }
        }

        private boolean unbatched(PgStatement s, String table) {
            boolean existing = existing(table);
            if (existing) {
                flag(LintRule.UNBATCHED_DATA_CHANGE, s);
            }
            return existing;
        }

        private void indexes(PgStatement s, CreateIndex index) {
            schemaChange(s, existing(index.getTable().getName()));
            indexesHere.add(name(index.getIndex().getName()));
            concurrentlyInTransaction(s);
            if (existing(index.getTable().getName())) {
                if (!s.concurrently()) {
                    flag(LintRule.INDEX_WITHOUT_CONCURRENTLY, s);
                }
                requireLockTimeout(s);
            }
            if (repeats() && !index.isUsingIfNotExists()) {
                flag(LintRule.NOT_IDEMPOTENT, s);
            }
        }

        private void drop(PgStatement s, Drop drop) {
            String type = drop.getType().toUpperCase(Locale.ROOT);
            String dropped = name(drop.getName().getName());
            schemaChange(s, existing(dropped) || type.equals("INDEX"));
            if (type.equals("INDEX") && !indexesHere.contains(dropped)) {
                concurrentlyInTransaction(s);
                if (!s.concurrently()) {
                    flag(LintRule.INDEX_WITHOUT_CONCURRENTLY, s);
                }
                requireLockTimeout(s);
            } else if (type.equals("TABLE") && existing(dropped)) {
                flag(LintRule.DROP_OR_RENAME, s);
                requireLockTimeout(s);
                known.remove(dropped);
            }
            if (repeats() && !drop.isIfExists()) {
                flag(LintRule.NOT_IDEMPOTENT, s);
            }
        }

        private void alter(PgStatement s, Alter alter) {
            String table = name(alter.getTable().getName());
            boolean existing = existing(table);
            schemaChange(s, existing);
            for (AlterExpression e : alter.getAlterExpressions()) {
                AlterOperation op = e.getOperation();
                if (op == AlterOperation.ADD && e.getColDataTypeList() != null) {
                    for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                        String specs = String.join(" ", column.getColumnSpecs()).toUpperCase(Locale.ROOT);
                        if (existing && specs.contains("NOT NULL") && !specs.contains("DEFAULT")) {
                            flag(LintRule.NOT_NULL_WITHOUT_DEFAULT, s);
                        }
                        if (existing && rewritesTable(column, specs)) {
                            flag(LintRule.VOLATILE_DEFAULT, s);
                        }
                        if (existing && (specs.matches(".*\\bUNIQUE\\b.*") || specs.contains("PRIMARY KEY"))) {
                            flag(LintRule.CONSTRAINT_WITHOUT_INDEX, s);
                        }
                    }
                    if (repeats() && !e.isUseIfNotExists()) {
                        flag(LintRule.NOT_IDEMPOTENT, s);
                    }
                } else if (op == AlterOperation.ADD && isForeignKeyOrCheck(e)) {
                    if (existing && !s.notValid()) {
                        flag(LintRule.CONSTRAINT_WITHOUT_NOT_VALID, s);
                    }
                    if (e.getIndex() instanceof CheckConstraint check) {
                        checks.added(table, check, s.notValid());
                    }
                } else if (op == AlterOperation.ADD && isUniqueOrPrimaryKey(e)) {
                    if (existing && !s.usingIndex()) {
                        flag(LintRule.CONSTRAINT_WITHOUT_INDEX, s);
                    }
                } else if (op == AlterOperation.ALTER && e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()
                        && e.getColDataTypeList().stream().allMatch(MigrationLint::isNullability)) {
                    for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                        boolean set = column.getColDataType().getDataType().equalsIgnoreCase("SET");
                        if (existing && set && !checks.isValidated(table, column.getColumnName())) {
                            flag(LintRule.SET_NOT_NULL_WITHOUT_CHECK, s);
                        }
                    }
                } else if (op == AlterOperation.ALTER && e.getColDataTypeList() != null
                        && e.getColDataTypeList().stream().anyMatch(c -> c.getColDataType() != null)) {
                    if (existing) {
                        flag(LintRule.COLUMN_TYPE_CHANGE, s);
                    }
                } else if ((op == AlterOperation.DROP && e.hasColumn()) || op == AlterOperation.RENAME
                        || op == AlterOperation.RENAME_TABLE) {
                    if (existing) {
                        flag(LintRule.DROP_OR_RENAME, s);
                    }
                    if (op == AlterOperation.RENAME_TABLE) {
                        known.remove(table);
                        createdHere.remove(table);
                        known.add(name(e.getNewTableName()));
                    }
                }
            }
            Matcher validate = VALIDATE.matcher(s.text());
            while (validate.find()) {
                checks.validatedConstraint(validate.group(1));
            }
            if (existing) {
                requireLockTimeout(s);
            }
        }

        private boolean rewritesTable(AlterExpression.ColumnDataType column, String specs) {
            String type = column.getColDataType() == null ? "" : column.getColDataType().getDataType().toUpperCase(Locale.ROOT);
            return type.endsWith("SERIAL") || (specs.contains("DEFAULT") && VOLATILE.matcher(specs).find())
                    || (specs.contains("GENERATED") && specs.contains("STORED"));
        }

        private boolean isUniqueOrPrimaryKey(AlterExpression e) {
            if (e.getPkColumns() != null || e.getUkColumns() != null) {
                return true;
            }
            String type = e.getIndex() instanceof NamedConstraint named && named.getType() != null
                    ? named.getType().toUpperCase(Locale.ROOT) : "";
            return type.startsWith("UNIQUE") || type.startsWith("PRIMARY");
        }

        private Set<String> referencedTables(CreateTable create) {
            Set<String> referenced = new HashSet<>();
            if (create.getIndexes() != null) {
                create.getIndexes().stream().filter(ForeignKeyIndex.class::isInstance)
                        .map(i -> name(((ForeignKeyIndex) i).getTable().getName())).forEach(referenced::add);
            }
            if (create.getColumnDefinitions() != null) {
                create.getColumnDefinitions().forEach(column -> {
                    List<String> specs = column.getColumnSpecs() == null ? List.of() : column.getColumnSpecs();
                    for (int i = 0; i + 1 < specs.size(); i++) {
                        if (specs.get(i).equalsIgnoreCase("REFERENCES")) {
                            referenced.add(name(specs.get(i + 1).replaceAll("\\(.*", "")));
                        }
                    }
                });
            }
            return referenced;
        }

        private boolean isForeignKeyOrCheck(AlterExpression e) {
            return e.getIndex() instanceof ForeignKeyIndex || e.getIndex() instanceof CheckConstraint
                    || e.getFkSourceTable() != null;
        }

        private void concurrentlyInTransaction(PgStatement s) {
            if (s.concurrently() && changeSet.isRunInTransaction()) {
                flag(LintRule.CONCURRENTLY_IN_TRANSACTION, s);
            }
        }

        private void requireLockTimeout(PgStatement s) {
            if (!lockTimeout) {
                flag(LintRule.MISSING_LOCK_TIMEOUT, s);
            }
        }

        private boolean existing(String table) {
            String n = name(table);
            return known.contains(n) && !createdHere.contains(n);
        }

        /** runAlways and runOnChange changesets run again on databases that already have their objects. */
        private boolean repeats() {
            return changeSet.isAlwaysRun() || changeSet.isRunOnChange();
        }

        private boolean lacksRollback() {
            if (!changeSet.getRollback().getChanges().isEmpty()) {
                return false;
            }
            for (Change change : changeSet.getChanges()) {
                if (!change.supportsRollback(postgres)) {
                    return true;
                }
            }
            return false;
        }

        private void flag(LintRule rule, PgStatement s) {
            findings.add(LintFinding.of(rule, ref, s.text()));
        }
    }

    /** {@code ALTER COLUMN c SET NOT NULL} / {@code DROP NOT NULL}, which JSqlParser reads as a "type" SET/DROP. */
    private static boolean isNullability(AlterExpression.ColumnDataType column) {
        return column.getColDataType() != null
                && column.getColDataType().getDataType().matches("(?i)SET|DROP")
                && String.join(" ", column.getColumnSpecs()).equalsIgnoreCase("NOT NULL");
    }

    static String name(String identifier) {
        String n = identifier == null ? "" : identifier.strip();
        if (n.startsWith("\"") && n.endsWith("\"")) {
            return n.substring(1, n.length() - 1);
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
