package id.narasiahli.schema.liquibase;

import org.postgresql.ds.common.BaseDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a container-managed datasource points (host, port, database), read from the pool's own PostgreSQL
 * datasource so the message names what the operator configured, wherever that was done.
 */
public final class DatabaseTarget {

    private DatabaseTarget() {
    }

    public static String describe(DataSource dataSource, String jndiName) {
        return pgDataSource(dataSource)
                .map(pg -> String.format("PostgreSQL database '%s' at %s:%s", pg.getDatabaseName(),
                        String.join(",", pg.getServerNames()), joinPorts(pg.getPortNumbers())))
                .orElse("the database") + " (JNDI " + jndiName + ")";
    }

    /** The one message for a database that cannot be reached, naming where it was looked for. */
    public static String unreachable(DataSource dataSource, String jndiName, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "Cannot connect to " + describe(dataSource, jndiName) + ": " + reason.lines().map(String::strip)
                .reduce((a, b) -> a + " " + b).orElse("") + ". Check DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD"
                + " (or the pool in the admin console) and that PostgreSQL accepts connections.";
    }

    private static Optional<BaseDataSource> pgDataSource(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(BaseDataSource.class)) {
                return Optional.of(dataSource.unwrap(BaseDataSource.class));
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            // not a PostgreSQL pool, or the container does not expose it: fall back to the generic text
        }
        return Optional.empty();
    }

    private static String joinPorts(int[] ports) {
        if (ports == null || ports.length == 0 || (ports.length == 1 && ports[0] == 0)) {
            return "5432";
        }
        return String.join(",", Arrays.stream(ports).mapToObj(Integer::toString).toList());
    }
}
