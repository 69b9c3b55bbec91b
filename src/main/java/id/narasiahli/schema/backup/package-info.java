/**
 * Backups that make destructive schema changes recoverable, on a plain {@code java.sql.Connection} (no container):
 * pg_dump archives verified with pg_restore ({@link id.narasiahli.schema.backup.DatabaseDump}), and table-level
 * copies, in schema {@code narasi_backup}, of the rows a changeset or rollback is about to drop, truncate or delete
 * ({@link id.narasiahli.schema.backup.TableBackups}), put back with {@code restore-backup ID} once the table or
 * column exists again. Every backup is a row of {@code schema_backups}.
 */
package id.narasiahli.schema.backup;
