package id.narasiahli.schema.control;

import java.sql.SQLException;
import java.util.stream.Collectors;

/** Error messages an operator can act on: the database's own words, on one line. */
public final class ErrorText {

    private ErrorText() {
    }

    /** The deepest SQL error in {@code e} and its SQLSTATE, or the root cause's message when there is none. */
    public static String databaseError(Throwable e) {
        SQLException sql = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        if (sql == null) {
            return oneLine(rootMessage(e));
        }
        return oneLine(sql.getMessage()) + " [SQLSTATE " + sql.getSQLState() + "]";
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public static String oneLine(String text) {
        return text == null ? "" : text.lines().map(String::strip).collect(Collectors.joining(" "));
    }
}
