/**
 * The migration subsystem: applies the Liquibase changelogs in {@code liquibase/} at startup (mode
 * {@code update}, {@code validate} or {@code off}), keeps the migration state, and reports it through
 * readiness. Administrators operate it at run time through {@code /api/admin/schema} (status, history,
 * dry run, apply, confirmed rollback, tags, validation, locks, repair), audited.
 * It also guards schema quality: the migration lint (unsafe changesets) and drift detection (live schema
 * against the changelog and against the JPA mappings). The changelogs own the schema; JPA never generates any of it.
 */
package id.narasiahli.schema;
