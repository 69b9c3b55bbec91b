package id.narasiahli.observability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import javax.sql.DataSource;

/**
 * The database health answers for operators, each from one bounded read-only {@link CatalogReader} transaction (no
 * JTA transaction: a CDI bean, not an EJB). Each answer carries {@code limit}, whether a list was cut, and the
 * {@code skipped} sections with their reason, so a partial answer says so.
 */
@ApplicationScoped
public class DatabaseHealth {

    public static final int MAX_LIMIT = 500;

    /** How to get pg_stat_statements when it is missing. */
    static final String ENABLE_STATEMENTS = "pg_stat_statements is not installed in this database. To enable it: add"
            + " pg_stat_statements to shared_preload_libraries in postgresql.conf (e.g. shared_preload_libraries ="
            + " 'pg_stat_statements'), restart PostgreSQL, then run CREATE EXTENSION pg_stat_statements; in this database"
            + " as a superuser. The application's database user also needs the pg_read_all_stats role (or pg_monitor)"
            + " to see other users' statements.";

    @Inject
    DataSource dataSource;

    @Inject
    ObservabilitySettings settings;

    public JsonObject overview() {
        return read(0, (reader, out) -> out.addAll(Json.createObjectBuilder(reader.row("database", HealthQueries.OVERVIEW))));
    }

    public JsonObject tables(int limit) {
        return read(limit, (reader, out) -> out.add("tables", list(reader, out, "tables", HealthQueries.TABLES, limit)));
    }

    public JsonObject indexes(int limit) {
        return read(limit, (reader, out) -> out
                .add("unused", list(reader, out, "unused", HealthQueries.UNUSED_INDEXES, limit))
                .add("invalid", list(reader, out, "invalid", HealthQueries.INVALID_INDEXES, limit))
                .add("largest", list(reader, out, "largest", HealthQueries.LARGEST_INDEXES, limit)));
    }

    /** Top statements by {@code order}: {@code total} (time spent overall) or {@code mean} (time per call). */
    public JsonObject statements(int limit, String order) {
        String column = "mean".equals(order) ? "mean_exec_time" : "total_exec_time";
        return read(limit, (reader, out) -> {
            out.add("orderBy", "mean".equals(order) ? "mean" : "total");
            JsonArray installed = reader.rows("extension", HealthQueries.STATEMENTS_INSTALLED);
            if (installed.isEmpty()) {
                out.add("available", false).add("message", ENABLE_STATEMENTS).add("statements", JsonValue.EMPTY_JSON_ARRAY);
                return;
            }
            try {
                out.add("available", true).add("version", installed.getJsonObject(0).get("version"))
                        .add("statements", list(reader, out, "statements", String.format(HealthQueries.STATEMENTS, column), limit));
            } catch (IllegalStateException e) {
                // installed but not preloaded: "pg_stat_statements must be loaded via shared_preload_libraries"
                out.add("available", false).add("message", ENABLE_STATEMENTS + " (" + e.getMessage() + ")")
                        .add("statements", JsonValue.EMPTY_JSON_ARRAY);
            }
        });
    }

    /** Connections by state and application, transactions open longer than {@code longerThanSeconds}, lock waits. */
    public JsonObject activity(int limit, Long longerThanSeconds) {
        long threshold = longerThanSeconds == null ? settings.longTransactionSeconds() : longerThanSeconds;
        return read(limit, (reader, out) -> out
                .add("connections", list(reader, out, "connections", HealthQueries.CONNECTIONS, limit))
                .add("longTransactionSeconds", threshold)
                .add("longTransactions", list(reader, out, "longTransactions", HealthQueries.LONG_TRANSACTIONS, limit, threshold))
                .add("blocked", list(reader, out, "blocked", HealthQueries.BLOCKED, limit))
                .add("blockers", list(reader, out, "blockers", HealthQueries.BLOCKERS, limit)));
    }

    private interface Section {
        void fill(CatalogReader reader, JsonObjectBuilder out);
    }

    private JsonObject read(int limit, Section section) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        if (limit > 0) {
            out.add("limit", limit);
        }
        try (CatalogReader reader = CatalogReader.open(dataSource, settings.statementTimeoutMs(), settings.lockTimeoutMs())) {
            section.fill(reader, out);
            out.add("skipped", reader.skipped());
        }
        return out.build();
    }

    /** Up to {@code limit} rows; one more is read to tell whether the list was cut ({@code <name>Truncated}). */
    private static JsonArray list(CatalogReader reader, JsonObjectBuilder out, String name, String sql, int limit, Object... before) {
        Object[] parameters = new Object[before.length + 1];
        System.arraycopy(before, 0, parameters, 0, before.length);
        parameters[before.length] = limit + 1;
        JsonArray rows = reader.rows(name, sql, parameters);
        boolean truncated = rows.size() > limit;
        out.add(name + "Truncated", truncated);
        if (!truncated) {
            return rows;
        }
        return Json.createArrayBuilder(rows.subList(0, limit)).build();
    }
}
