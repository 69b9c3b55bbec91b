/**
 * The one Liquibase core. {@link id.narasiahli.schema.liquibase.LiquibaseSession} opens Liquibase on one JDBC
 * connection inside one {@link id.narasiahli.schema.liquibase.LiquibaseScope}, parses the changelog once and
 * without the database in scope (so no read creates tracking tables), reads the tracking table, validates
 * ({@link id.narasiahli.schema.liquibase.Validation}, the one wording of a validation failure), selects
 * changesets as Liquibase's commands would, and runs those commands. The migration lock
 * ({@link id.narasiahli.schema.liquibase.MigrationLock}, a PostgreSQL session advisory lock on a session named
 * after this instance) and its holders ({@link id.narasiahli.schema.liquibase.LockHolders}) live here too, so
 * a starting instance, the admin API and a command-line run exclude each other the same way.
 * {@link id.narasiahli.schema.liquibase.SchemaSettings} is the container's entry (settings read once, pooled
 * connections); nothing else here needs the container.
 */
package id.narasiahli.schema.liquibase;
