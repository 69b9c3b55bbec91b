/**
 * The migration subsystem. The Liquibase changelogs in {@code liquibase/} own the schema (JPA never generates
 * any of it); this component applies them and lets operators run them. Its sub-components:
 * <ul>
 *   <li>{@code liquibase}: the one Liquibase core every other part uses: scope, session on a JDBC connection,
 *       the read-only changelog parse, command calls, validation, the migration lock and its holders, settings.
 *       Everything but {@code SchemaSettings} runs outside the container.</li>
 *   <li>{@code migration}: the startup migration (modes {@code update}, {@code validate}, {@code off}), its
 *       state, readiness, per-changeset timing and the durations table.</li>
 *   <li>{@code operations}: the admin API under {@code /api/admin/schema}: status, history, dry run, apply,
 *       confirmed rollback, tags, validation, locks, repair, and its audit.</li>
 *   <li>{@code quality}: the migration lint (unsafe changesets) and drift (live schema against the changelog
 *       and against the JPA mappings).</li>
 * </ul>
 */
package id.narasiahli.schema;
