/**
 * The operator's command line for migrations and backups ({@code java -jar target/runtime/narasi-schema.jar}):
 * picocli commands named after Liquibase's own, human tables or {@code --json}, exit codes for scripts. It works
 * on the database directly, without a running instance, with the server's guarantees: the same session advisory
 * migration lock, the same audit, durations and confirmation tables, the same lint, and table-level backups
 * before destructive changes. {@link id.narasiahli.schema.cli.SchemaCore} is its one way into the migration
 * code; everything else here is arguments and output. Not packaged in the WAR.
 */
package id.narasiahli.schema.cli;
