/**
 * The migration subsystem: applies the Liquibase changelogs in {@code liquibase/} at startup (mode
 * {@code update}, {@code validate} or {@code off}), keeps the migration state, and reports it through
 * readiness. The changelogs own the schema; JPA never generates any of it.
 */
package id.narasiahli.schema;
