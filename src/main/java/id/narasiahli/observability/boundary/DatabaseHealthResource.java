package id.narasiahli.observability.boundary;

import id.narasiahli.observability.control.DatabaseHealth;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Database health for operators, read from PostgreSQL's catalog and statistics views in a short read-only
 * transaction with a statement and lock timeout; never blocks a migration. Every answer lists under {@code skipped}
 * what it had to leave out (a relation locked by another session, a query that timed out).
 */
@ApplicationScoped
@Path("admin/database")
@RolesAllowed("ADMIN")
@SecurityRequirement(name = RestConfiguration.BEARER)
@Tag(name = "Database health", description = "Sizes, index usage, slow statements and sessions (ADMIN)")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid access token")
@APIResponse(responseCode = "403", description = "Not an administrator")
@APIResponse(responseCode = "503", description = "The database cannot be reached (problem+json, Retry-After)")
public class DatabaseHealthResource {

    private static final int DEFAULT_LIMIT = 50;

    @Inject
    DatabaseHealth health;

    @GET
    @Operation(summary = "Database size, server version, connections, statistics reset time (ADMIN)")
    @APIResponse(responseCode = "200", description = "name, sizeBytes, serverVersion, statsSince, connections, maxConnections,"
            + " pgStatStatements")
    public JsonObject overview() {
        return health.overview();
    }

    @GET
    @Path("tables")
    @Operation(summary = "Tables by total size, with table, index and total bytes and the planner's row estimate (ADMIN)",
            description = "A table locked by another session in ACCESS EXCLUSIVE mode is listed first, without sizes,"
                    + " with lockedBy naming the sessions (reading its size would wait for the lock).")
    @APIResponse(responseCode = "200", description = "tables, tablesTruncated, skipped")
    public JsonObject tables(@QueryParam("limit") @Parameter(description = "At most this many rows (1-500, default 50)") String limit) {
        return health.tables(limit(limit));
    }

    @GET
    @Path("indexes")
    @Operation(summary = "Unused indexes (never scanned since the statistics reset, not backing a constraint, not unique),"
            + " INVALID indexes (a failed concurrent build) and the largest indexes (ADMIN)")
    @APIResponse(responseCode = "200", description = "unused, invalid, largest (each with scans, bytes, lockedBy), skipped")
    public JsonObject indexes(@QueryParam("limit") @Parameter(description = "At most this many rows per list (1-500, default 50)") String limit) {
        return health.indexes(limit(limit));
    }

    @GET
    @Path("statements")
    @Operation(summary = "Top statements from pg_stat_statements (ADMIN)",
            description = "available is false, with a message saying how to enable it, when the extension is not installed.")
    @APIResponse(responseCode = "200", description = "available, message, statements (calls, totalMs, meanMs, maxMs, rows, query)")
    public JsonObject statements(@QueryParam("limit") @Parameter(description = "At most this many rows (1-500, default 50)") String limit,
                                 @QueryParam("orderBy") @Parameter(description = "total (default) or mean") String orderBy) {
        if (orderBy != null && !orderBy.equals("total") && !orderBy.equals("mean")) {
            throw ApiException.invalid("orderBy", "must be total or mean");
        }
        return health.statements(limit(limit), orderBy);
    }

    @GET
    @Path("activity")
    @Operation(summary = "Connections by state and application, long-running transactions, sessions waiting on locks with"
            + " the sessions blocking them (ADMIN)")
    @APIResponse(responseCode = "200", description = "connections, longTransactions, blocked (with blockedBy pids), blockers, skipped")
    public JsonObject activity(@QueryParam("limit") @Parameter(description = "At most this many rows per list (1-500, default 50)") String limit,
                               @QueryParam("longerThanSeconds") @Parameter(description = "A transaction open longer than this is listed"
                                       + " (default narasi.observability.database.long-transaction-seconds, 60)") String longerThan) {
        return health.activity(limit(limit), longerThan == null ? null : (long) number("longerThanSeconds", longerThan, 0, 86_400 * 365));
    }

    private static int limit(String value) {
        return value == null ? DEFAULT_LIMIT : number("limit", value, 1, DatabaseHealth.MAX_LIMIT);
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.invalid(field, "must be a whole number from " + min + " to " + max);
    }
}
