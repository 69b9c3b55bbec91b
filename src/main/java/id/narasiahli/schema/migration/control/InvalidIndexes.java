package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.LiquibaseSession;
import liquibase.change.Change;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.change.custom.CustomTaskChange;
import liquibase.changelog.ChangeSet;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INVALID indexes (pg_index.indisvalid false): what a failed {@code CREATE INDEX CONCURRENTLY} leaves behind.
 * The index is kept up to date by every write but never used by a query, and {@code IF NOT EXISTS} then skips it
 * forever, so the changeset that failed would be recorded as applied without its index. Before the migration
 * (re)runs, an INVALID index that a pending changeset builds concurrently is dropped concurrently, so that
 * changeset builds it afresh. Others (built by hand, or being built right now by someone else: a build in
 * progress is INVALID too) are only reported.
 */
public final class InvalidIndexes {

    private static final Logger LOG = Logger.getLogger(InvalidIndexes.class.getName());
    private static final Pattern CONCURRENT_BUILD = Pattern.compile(
            "(?i)\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"[^\"]+\"|\\w+)");
    private static final String INVALID = """
            SELECT c.relname, t.relname
              FROM pg_index i
              JOIN pg_class c ON c.oid = i.indexrelid
              JOIN pg_class t ON t.oid = i.indrelid
             WHERE NOT i.indisvalid AND c.relnamespace = to_regnamespace(current_schema())
             ORDER BY c.relname""";

    /** One INVALID index of the current schema. */
    public record InvalidIndex(String index, String table) {
        @Override
        public String toString() {
            return index + " on " + table;
        }
    }

    private InvalidIndexes() {
    }

    public static List<InvalidIndex> list(Connection connection) throws SQLException {
        List<InvalidIndex> invalid = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(INVALID)) {
            while (rows.next()) {
                invalid.add(new InvalidIndex(rows.getString(1), rows.getString(2)));
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return invalid;
    }

    /**
     * Drops (concurrently) every INVALID index that one of {@code changesets} (those about to be applied, worked out
     * only when there is an INVALID index) builds concurrently; the caller holds the migration lock, so no other migration is building it. Returns the dropped ones.
     */
    public static List<InvalidIndex> dropThoseBuiltBy(LiquibaseSession session, Supplier<List<ChangeSet>> changesets)
            throws SQLException {
        Connection connection = session.connection();
        List<InvalidIndex> invalid = list(connection);
        if (invalid.isEmpty()) {
            return List.of();
        }
        Set<String> rebuilt = builtConcurrently(session, changesets.get());
        List<InvalidIndex> dropped = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true); // DROP INDEX CONCURRENTLY refuses to run in a transaction block
        try (Statement s = connection.createStatement()) {
            for (InvalidIndex index : invalid) {
                if (rebuilt.contains(index.index())) {
                    LOG.warning(() -> "INVALID index " + index + " left by a failed concurrent build: dropping it"
                            + " concurrently so its changeset builds it again");
                    s.execute("DROP INDEX CONCURRENTLY IF EXISTS \"" + index.index().replace("\"", "\"\"") + "\"");
                    dropped.add(index);
                } else {
                    LOG.warning(() -> "INVALID index " + index + " is not built by a changeset about to be applied; left as it is"
                            + " (REINDEX INDEX CONCURRENTLY or drop it)");
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return dropped;
    }

    /** Names of the indexes {@code changesets} create concurrently, as PostgreSQL stores them. */
    private static Set<String> builtConcurrently(LiquibaseSession session, List<ChangeSet> changesets) {
        Set<String> names = new HashSet<>();
        for (ChangeSet changeSet : changesets) {
            for (Change change : changeSet.getChanges()) {
                // a task (the batched data change) has no SQL: Liquibase "generates" it by running it
                if (change instanceof CustomChangeWrapper wrapper && wrapper.getCustomChange() instanceof CustomTaskChange) {
                    continue;
                }
                Sql[] sqls = session.call("generate the SQL of " + changeSet.getId(),
                        () -> SqlGeneratorFactory.getInstance().generateSql(change, session.database()));
                for (Sql sql : sqls) {
                    Matcher m = CONCURRENT_BUILD.matcher(sql.toSql());
                    while (m.find()) {
                        String name = m.group(1);
                        names.add(name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
