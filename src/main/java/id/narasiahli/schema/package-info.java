/**
 * The migration subsystem: applies the Liquibase changelogs in {@code liquibase/} at startup (mode
 * {@code update}, {@code validate} or {@code off}), keeps the migration state, and reports it through
 * readiness. The changelogs own the schema; JPA never generates any of it. It also guards schema quality:
 * the migration lint (unsafe changesets) and drift detection (live schema against the changelog and against
 * the JPA mappings), served to administrators under /api/admin/schema.
 */
package id.narasiahli.schema;
