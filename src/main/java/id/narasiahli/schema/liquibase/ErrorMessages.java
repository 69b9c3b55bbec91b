package id.narasiahli.schema.liquibase;

import java.sql.SQLException;
import java.util.stream.Collectors;

/** Error text for operators: one line, and the database's own words where there are any. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String oneLine(Throwable e) {
        return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    public static String oneLine(String text) {
        return text == null ? "" : text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
    }

    /** The deepest SQL error and its SQLSTATE, or the root cause's message when there is none. */
    public static String databaseError(Throwable e) {
        SQLException sql = null;
        Throwable root = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
            root = t;
        }
        if (sql != null) {
            return oneLine(sql.getMessage()) + " [SQLSTATE " + sql.getSQLState() + "]";
        }
        return oneLine(root);
    }

    /** Liquibase wraps its exceptions several times; the innermost message says what happened. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root);
    }
}
