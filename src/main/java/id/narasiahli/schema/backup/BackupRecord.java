package id.narasiahli.schema.backup;

import java.time.Instant;

/**
 * One row of schema_backups. A {@code dump} has a file, its size and SHA-256; a {@code table} or {@code column}
 * backup has the table in schema narasi_backup holding the rows, what they came from, and when they expire.
 */
public record BackupRecord(long id, String kind, Instant createdAt, String createdBy, String origin, String operation,
                           String sourceTable, String sourceColumn, String backupTable, Long rowCount, String file,
                           Long sizeBytes, String sha256, Instant expiresAt, Instant restoredAt, Long restoredRows) {
}
