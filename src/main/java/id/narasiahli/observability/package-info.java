/**
 * What operators watch: application metrics through MicroProfile Metrics (served by Payara at {@code /metrics} in
 * Prometheus text format), the migration alerts, and the read-only database health endpoints for administrators
 * ({@code /api/admin/database/...}). Other components report events here with one call each
 * ({@link id.narasiahli.observability.control.AppMetrics}, {@link id.narasiahli.observability.control.MigrationEvents});
 * nothing here changes data. See src/site/markdown/observability.md.
 */
package id.narasiahli.observability;
