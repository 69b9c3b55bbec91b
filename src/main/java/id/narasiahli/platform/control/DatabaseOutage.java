package id.narasiahli.platform.control;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Collections;

/**
 * Whether a failure means the database cannot be reached right now, wherever it surfaced (JPA, a pooled
 * connection, Liquibase): then the answer is 503 with Retry-After, never 500, and nothing is logged as an
 * incident. Recognised by what PostgreSQL, its driver and Payara's pool say: SQLSTATE class 08 (connection
 * exception), 57P01-57P03 (the server shutting down or starting), 53300 (too many connections), and the
 * pool's "cannot allocate a connection".
 */
public final class DatabaseOutage {

    /** How soon a client may retry: the pool re-validates its connections on the next request. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean in(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            String name = t.getClass().getName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (name.endsWith("PoolingException") || name.endsWith("ResourceAllocationException")
                    || message.contains("Error in allocating a connection")
                    || message.contains("Connection could not be allocated")) {
                return true;
            }
        }
        return false;
    }

    public static ApiException unavailable() {
        return ApiException.unavailable("The database cannot be reached right now; retry in a few seconds",
                RETRY_AFTER_SECONDS);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null && sql.getCause() == null) {
            return sql.getNextException();
        }
        return t.getCause();
    }
}
