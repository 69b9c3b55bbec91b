package id.narasiahli.schema.backup;

import id.narasiahli.schema.quality.control.PgStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement that removes rows or values: DROP TABLE, ALTER TABLE ... DROP COLUMN, TRUNCATE, DELETE without
 * WHERE. Read from JSqlParser's tree (the parser the lint uses), so a DROP inside a string or comment is not one.
 * {@code column} is null for the kinds that remove whole rows.
 */
public record DestructiveChange(Kind kind, String table, String column, String statement) {

    public enum Kind { DROP_TABLE, DROP_COLUMN, TRUNCATE, DELETE_ALL }

    /** The destructive changes of one SQL statement; empty for every other statement and for what the parser cannot read. */
    public static List<DestructiveChange> in(String sql) {
        PgStatement statement = PgStatement.parse(sql);
        List<DestructiveChange> found = new ArrayList<>();
        statement.tree().ifPresent(tree -> collect(tree, statement.text(), found));
        return found;
    }

    private static void collect(Statement tree, String text, List<DestructiveChange> found) {
        if (tree instanceof Drop drop && "TABLE".equalsIgnoreCase(drop.getType())) {
            found.add(new DestructiveChange(Kind.DROP_TABLE, name(drop.getName().getName()), null, text));
        } else if (tree instanceof Truncate truncate) {
            List<net.sf.jsqlparser.schema.Table> tables = truncate.getTables() == null || truncate.getTables().isEmpty()
                    ? List.of(truncate.getTable()) : truncate.getTables();
            tables.forEach(t -> found.add(new DestructiveChange(Kind.TRUNCATE, name(t.getName()), null, text)));
        } else if (tree instanceof Delete delete && delete.getWhere() == null) {
            found.add(new DestructiveChange(Kind.DELETE_ALL, name(delete.getTable().getName()), null, text));
        } else if (tree instanceof Alter alter) {
            for (AlterExpression e : alter.getAlterExpressions()) {
                if (e.getOperation() == AlterOperation.DROP && e.hasColumn() && e.getColumnName() != null) {
                    found.add(new DestructiveChange(Kind.DROP_COLUMN, name(alter.getTable().getName()),
                            name(e.getColumnName()), text));
                }
            }
        }
    }

    /** Unquoted identifiers fold to lower case in PostgreSQL; quoted ones keep their case. */
    static String name(String identifier) {
        String n = identifier.strip();
        return n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1) : n.toLowerCase(Locale.ROOT);
    }
}
