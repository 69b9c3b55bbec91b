/**
 * The schema admin API under {@code /api/admin/schema}, ADMIN only: reads that never wait for the migration lock
 * ({@code boundary.SchemaInspector}) and operations that run Liquibase commands ({@code boundary.SchemaOperations}):
 * dry run, apply, rollback (previewed, then confirmed with a token bound to the plan and the tracking tables),
 * tags, repair, releasing a hung lock. One operation at a time per instance, the migration lock taken without
 * waiting, and every operation that may change something audited with its outcome.
 */
package id.narasiahli.schema.operations;
