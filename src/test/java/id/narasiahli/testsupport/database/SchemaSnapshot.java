package id.narasiahli.testsupport.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's schema as PostgreSQL's catalog describes it: one sorted line per column (type, NOT NULL,
 * default), constraint (definition), index (definition) and sequence. Liquibase's tracking tables are left out.
 * Column positions are left out too: re-adding a dropped column gives it a new position but the same meaning.
 */
public final class SchemaSnapshot {

    private static final String APP_TABLES = "c.relname NOT LIKE 'databasechangelog%'";

    private static final String COLUMNS = """
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                   || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND %s
            """.formatted(APP_TABLES);

    private static final String CONSTRAINTS = """
            SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
              FROM pg_constraint k
              JOIN pg_class c ON c.oid = k.conrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND k.contype IN ('c', 'f', 'p', 'u', 'x') AND %s
            """.formatted(APP_TABLES);

    private static final String INDEXES = """
            SELECT 'index ' || c.relname || '.' || i.indexname || ' ' || i.indexdef
              FROM pg_indexes i
              JOIN pg_class c ON c.relname = i.tablename
              JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname
             WHERE i.schemaname = 'public' AND %s
            """.formatted(APP_TABLES);

    private static final String SEQUENCES = """
            SELECT 'sequence ' || s.sequencename || ' ' || s.data_type || ' owned by '
                   || COALESCE(c.relname || '.' || a.attname, 'nothing')
              FROM pg_sequences s
              JOIN pg_class q ON q.relname = s.sequencename
              JOIN pg_namespace n ON n.oid = q.relnamespace AND n.nspname = s.schemaname
              LEFT JOIN pg_depend d ON d.objid = q.oid AND d.deptype = 'a' AND d.classid = 'pg_class'::regclass
              LEFT JOIN pg_class c ON c.oid = d.refobjid
              LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE s.schemaname = 'public'
            """;

    private SchemaSnapshot() {
    }

    public static List<String> of(String database) {
        List<String> lines = new ArrayList<>();
        try (Connection connection = TestDatabase.dataSource(database).getConnection();
             Statement statement = connection.createStatement()) {
            for (String query : List.of(COLUMNS, CONSTRAINTS, INDEXES, SEQUENCES)) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the catalog of " + database, e);
        }
        lines.sort(null);
        return lines;
    }

    public static String text(String database) {
        return String.join("\n", of(database));
    }
}
