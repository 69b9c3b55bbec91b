package id.narasiahli.schema.quality.control;

import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.change.custom.CustomTaskChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL a changeset will run on PostgreSQL, whatever its change types: Liquibase's own generators produce
 * it, so a createTable or addColumn change is linted exactly like the formatted SQL it becomes.
 */
final class ChangesetSql {

    private ChangesetSql() {
    }

    static List<PgStatement> statements(ChangeSet changeSet, Database postgres) {
        List<PgStatement> statements = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            if (isTask(change)) {
                continue;
            }
            for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, postgres)) {
                PgStatement statement = PgStatement.parse(sql.toSql());
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
            }
        }
        return statements;
    }

    /**
     * A customChange that is a task (such as the batched data change) has no SQL: Liquibase "generates" its
     * statements by running it, which the lint must never do.
     */
    static boolean isTask(Change change) {
        return change instanceof CustomChangeWrapper wrapper && wrapper.getCustomChange() instanceof CustomTaskChange;
    }

    /** The changeset's source text where exemption comments can be written: formatted SQL and comments. */
    static String source(ChangeSet changeSet) {
        StringBuilder text = new StringBuilder();
        for (Change change : changeSet.getChanges()) {
            if (change instanceof RawSQLChange raw && raw.getSql() != null) {
                text.append(raw.getSql()).append('\n');
            }
        }
        if (changeSet.getComments() != null) {
            text.append(changeSet.getComments());
        }
        return text.toString();
    }
}
