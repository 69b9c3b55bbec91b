package id.narasiahli.observability.control;

/**
 * The database health SQL: PostgreSQL catalog and statistics views only, each bounded by a {@code LIMIT ?}. Size
 * functions need an ACCESS SHARE lock on the relation, which waits behind an ACCESS EXCLUSIVE lock (a migration's
 * ALTER TABLE, a LOCK TABLE): {@link #LOCKED} lists the relations someone else holds or waits for in that mode, and
 * the queries return no size for them (CASE evaluates the size call only for the others) but say who holds the lock.
 */
final class HealthQueries {

    /** (Text blocks drop trailing spaces: fragments joined to one start with a space.) Relations of this database held or awaited in ACCESS EXCLUSIVE mode by another session. */
    private static final String LOCKED = """
            locked AS (
                SELECT l.relation, l.pid FROM pg_locks l
                WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.pid IS DISTINCT FROM pg_backend_pid())""";

    private static final String USER_SCHEMAS = " n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'";

    static final String OVERVIEW = """
            SELECT current_database() AS name, pg_database_size(current_database()) AS "sizeBytes",
                   current_setting('server_version') AS "serverVersion",
                   (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) AS "statsSince",
                   (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS connections,
                   current_setting('max_connections')::int AS "maxConnections",
                   EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS "pgStatStatements"
            """;

    /** Tables whose size could not be read (locked) come first, so a limit never hides them. */
    static final String TABLES = "WITH " + LOCKED + """
            ,
            tables AS (
                SELECT c.oid, n.nspname, c.relname, c.reltuples, c.reltoastrelid
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'm') AND """ + USER_SCHEMAS + """
            ),
            blocked AS (
                SELECT t.oid, array_agg(DISTINCT l.pid) AS pids
                FROM tables t JOIN locked l ON l.relation = t.oid OR l.relation = t.reltoastrelid
                     OR l.relation IN (SELECT i.indexrelid FROM pg_index i WHERE i.indrelid = t.oid)
                GROUP BY t.oid),
            sized AS (
                SELECT t.nspname AS schema, t.relname AS name,
                       CASE WHEN t.reltuples < 0 THEN NULL ELSE t.reltuples::bigint END AS "rowEstimate",
                       CASE WHEN b.oid IS NULL THEN pg_table_size(t.oid) END AS "tableBytes",
                       CASE WHEN b.oid IS NULL THEN pg_indexes_size(t.oid) END AS "indexBytes",
                       CASE WHEN b.oid IS NULL THEN pg_total_relation_size(t.oid) END AS "totalBytes",
                       b.pids AS "lockedBy"
                FROM tables t LEFT JOIN blocked b ON b.oid = t.oid)
            SELECT * FROM sized ORDER BY ("lockedBy" IS NULL), "totalBytes" DESC, schema, name LIMIT ?
            """;

    /** Every index with its scans since the statistics reset; {@code %s} is the section's extra condition. */
    private static final String INDEXES = "WITH " + LOCKED + """
            ,
            indexes AS (
                SELECT n.nspname AS schema, t.relname AS "table", c.relname AS name, c.oid AS index_oid, t.oid AS table_oid,
                       pg_stat_get_numscans(c.oid) AS scans, i.indisvalid AS valid, i.indisunique AS "unique",
                       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid) AS "backsConstraint"
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE """ + USER_SCHEMAS + """
            ),
            sized AS (
                SELECT x.schema, x."table", x.name, x.scans, x.valid, x."unique", x."backsConstraint", %s
                       (SELECT array_agg(DISTINCT l.pid) FROM locked l WHERE l.relation IN (x.index_oid, x.table_oid)) AS "lockedBy",
                       CASE WHEN NOT EXISTS (SELECT 1 FROM locked l WHERE l.relation IN (x.index_oid, x.table_oid))
                            THEN pg_relation_size(x.index_oid) END AS bytes
                FROM indexes x WHERE %s)
            SELECT * FROM sized ORDER BY ("lockedBy" IS NULL), bytes DESC, schema, "table", name LIMIT ?
            """;

    static final String LARGEST_INDEXES = String.format(INDEXES, "", "true");

    /** Never scanned, and not there for correctness: no constraint behind it, not unique, not a failed build. */
    static final String UNUSED_INDEXES = String.format(INDEXES, "",
            "x.scans = 0 AND x.valid AND NOT x.\"unique\" AND NOT x.\"backsConstraint\"");

    /** Left INVALID, typically by a failed CREATE INDEX CONCURRENTLY: not used by queries, still written to. */
    static final String INVALID_INDEXES = String.format(INDEXES, "pg_get_indexdef(x.index_oid) AS definition,", "NOT x.valid");

    static final String STATEMENTS_INSTALLED = "SELECT extversion AS version FROM pg_extension WHERE extname = 'pg_stat_statements'";

    /** PostgreSQL 13 renamed total_time to total_exec_time; {@code %s} is the column to order by. */
    static final String STATEMENTS = """
            SELECT s.queryid::text AS "queryId", s.calls, round(s.total_exec_time::numeric, 3) AS "totalMs",
                   round(s.mean_exec_time::numeric, 3) AS "meanMs", round(s.max_exec_time::numeric, 3) AS "maxMs",
                   s.rows, left(s.query, 500) AS query
            FROM pg_stat_statements s
            WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY s.%s DESC LIMIT ?
            """;

    static final String CONNECTIONS = """
            SELECT coalesce(state, 'unknown') AS state, coalesce(nullif(application_name, ''), '(none)') AS application,
                   count(*) AS connections
            FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
            GROUP BY 1, 2 ORDER BY connections DESC, 1, 2 LIMIT ?
            """;

    private static final String SESSION = """
            a.pid, a.usename AS "user", coalesce(nullif(a.application_name, ''), '(none)') AS application,
            a.client_addr::text AS "clientAddress", a.state, a.xact_start AS "transactionStart",
            round(EXTRACT(epoch FROM clock_timestamp() - a.xact_start)::numeric, 3) AS "transactionSeconds",
            a.wait_event_type AS "waitEventType", a.wait_event AS "waitEvent", left(a.query, 300) AS query""";

    static final String LONG_TRANSACTIONS = "SELECT " + SESSION + """

            FROM pg_stat_activity a
            WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL
              AND a.xact_start < clock_timestamp() - make_interval(secs => ?)
            ORDER BY a.xact_start LIMIT ?
            """;

    /** Sessions waiting for a lock, with the sessions that block them (pg_blocking_pids) and what they wait for. */
    static final String BLOCKED = "SELECT " + SESSION + """
            ,
                   pg_blocking_pids(a.pid) AS "blockedBy",
                   round(EXTRACT(epoch FROM clock_timestamp() - a.query_start)::numeric, 3) AS "waitingSeconds",
                   (SELECT l.mode FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted LIMIT 1) AS "lockMode",
                   (SELECT l.relation::regclass::text FROM pg_locks l
                    WHERE l.pid = a.pid AND NOT l.granted AND l.relation IS NOT NULL LIMIT 1) AS relation
            FROM pg_stat_activity a
            WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND cardinality(pg_blocking_pids(a.pid)) > 0
            ORDER BY a.query_start LIMIT ?
            """;

    static final String BLOCKERS = "SELECT " + SESSION + """

            FROM pg_stat_activity a
            WHERE a.pid IN (SELECT unnest(pg_blocking_pids(w.pid)) FROM pg_stat_activity w
                            WHERE w.datname = current_database() AND w.wait_event_type = 'Lock')
            ORDER BY a.xact_start NULLS LAST LIMIT ?
            """;

    private HealthQueries() {
    }
}
