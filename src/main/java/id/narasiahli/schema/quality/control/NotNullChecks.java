package id.narasiahli.schema.quality.control;

import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code CHECK (col IS NOT NULL)} constraints the changelog has added so far, and which of them are
 * validated: PostgreSQL 12+ skips the full-table scan of {@code SET NOT NULL} when such a validated check
 * exists, which is what makes {@code SET NOT NULL} on a table in use safe.
 */
final class NotNullChecks {

    private final Map<String, String> notValidByName = new HashMap<>();
    private final Set<String> validated = new HashSet<>();

    void added(String table, CheckConstraint check, boolean notValid) {
        column(check).ifPresent(column -> {
            String key = table + "." + column;
            if (notValid) {
                notValidByName.put(MigrationLint.name(check.getName()), key);
            } else {
                validated.add(key);
            }
        });
    }

    void validatedConstraint(String constraint) {
        String key = notValidByName.remove(MigrationLint.name(constraint));
        if (key != null) {
            validated.add(key);
        }
    }

    boolean isValidated(String table, String column) {
        return validated.contains(table + "." + MigrationLint.name(column));
    }

    private static Optional<String> column(CheckConstraint check) {
        if (check.getExpression() instanceof IsNullExpression isNull && isNull.isNot()
                && isNull.getLeftExpression() instanceof Column column) {
            return Optional.of(MigrationLint.name(column.getColumnName()));
        }
        return Optional.empty();
    }
}
