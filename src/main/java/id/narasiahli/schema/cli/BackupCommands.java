package id.narasiahli.schema.cli;

import id.narasiahli.schema.backup.BackupRecord;
import id.narasiahli.schema.backup.ChangesetBackups;
import id.narasiahli.schema.backup.DatabaseDump;
import id.narasiahli.schema.backup.DestructiveChange;
import id.narasiahli.schema.backup.TableBackups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** backup (pg_dump), backups (every backup, table-level ones too), restore-backup ID; and the backups before destructive changes. */
@Command
public class BackupCommands {

    /** The changeset whose rollback drops the backups themselves. */
    static final String BACKUPS_CHANGESET = "20261201200400_create_schema_backups";

    @Command(name = "backup", description = "pg_dump in custom format, verified with pg_restore --list, recorded with its size and"
            + " SHA-256; prints the restore command.")
    static int backup(@Mixin Common common,
               @Option(names = "--out", paramLabel = "FILE", description = "archive file (default: narasi-<database>-<UTC time>.dump)") Path file,
               @Option(names = "--pg-dump", paramLabel = "PATH", description = "pg_dump to use (default: the first on PATH)") Path pgDump) {
        Output out = common.output();
        Records records = new Records(() -> common.connect("backup"));
        DatabaseDump.Target target = common.dumpTarget();
        Path archive = file != null ? file : Path.of("narasi-" + target.database() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(java.time.Instant.now()) + ".dump");
        Long audit = records.start("backup", archive.toString());
        try (Connection connection = common.connect("backup")) {
            DatabaseDump.Result result = DatabaseDump.run(connection, target, pgDump, archive);
            TableBackups backups = new TableBackups(connection);
            BackupRecord record = backups.available() ? backups.recordDump(result.file().toString(), result.sizeBytes(),
                    result.sha256(), Common.actor(), result.pgDumpVersion()) : null;
            records.finish(audit, "SUCCEEDED", "pg_dump archive " + result.file() + ", " + result.sizeBytes() + " bytes, sha256 "
                    + result.sha256());
            if (out.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", record == null ? null : record.id());
                json.put("dump", result);
                out.document(json);
            } else {
                out.line("Backup " + (record == null ? "(not recorded: schema_backups is not applied yet)" : record.id()) + ": "
                        + result.file());
                out.line("  " + result.sizeBytes() + " bytes, sha256 " + result.sha256());
                out.line("  " + result.pgDumpVersion() + ", server PostgreSQL " + result.serverMajor() + "; pg_restore --list read "
                        + result.archiveEntries() + " entries");
                out.line("Restore with: " + result.restoreCommand());
            }
            return SchemaCommand.DONE;
        } catch (SQLException e) {
            records.finish(audit, "FAILED", e.getMessage());
            throw new CommandFailure("Backup failed: " + SchemaCore.databaseError(e), e);
        } catch (RuntimeException e) {
            records.finish(audit, "FAILED", e.getMessage());
            throw e;
        }
    }

    @Command(name = "backups", description = "Every recorded backup with its id: pg_dump archives and table-level copies.")
    static int backups(@Mixin Common common) {
        Output out = common.output();
        try (Connection connection = common.connect("backups")) {
            TableBackups backups = new TableBackups(connection);
            if (!backups.available()) {
                throw new CommandFailure("schema_backups does not exist in this database (its changeset is not applied): run update");
            }
            List<BackupRecord> all = backups.list();
            if (out.json()) {
                out.document(Map.of("backups", all));
            } else {
                out.table(List.of("ID", "KIND", "CREATED", "FROM", "ROWS/BYTES", "EXPIRES", "RESTORED", "HOLDS"), all.stream()
                        .map(b -> Arrays.<Object>asList(b.id(), b.kind(), b.createdAt(), b.file() != null ? "backup command"
                                : b.sourceTable() + (b.sourceColumn() == null ? "" : "." + b.sourceColumn()),
                                b.file() != null ? b.sizeBytes() + " B" : b.rowCount() + " rows", b.expiresAt(),
                                b.restoredAt() == null ? "" : b.restoredRows() + " rows at " + b.restoredAt(),
                                b.file() != null ? b.file() : TableBackups.SCHEMA + "." + b.backupTable() + " (" + b.origin() + ")"))
                        .toList());
            }
            return SchemaCommand.DONE;
        } catch (SQLException e) {
            throw new CommandFailure("Cannot list the backups: " + SchemaCore.databaseError(e), e);
        }
    }

    @Command(name = "restore-backup", description = "Puts the rows of a table-level backup back, once its table or column exists again.")
    static int restore(@Mixin Common common, @Parameters(paramLabel = "ID") long id) {
        Output out = common.output();
        Records records = new Records(() -> common.connect("restore-backup"));
        Long audit = records.start("restore-backup", "id:" + id);
        try (Connection connection = common.connect("restore-backup")) {
            BackupRecord restored = new TableBackups(connection).restore(id);
            String detail = "restored " + restored.restoredRows() + " of " + restored.rowCount() + " rows of backup " + id + " into "
                    + restored.sourceTable() + (restored.sourceColumn() == null ? "" : "." + restored.sourceColumn());
            records.finish(audit, "SUCCEEDED", detail);
            if (out.json()) {
                out.document(restored);
            } else {
                out.line(detail.substring(0, 1).toUpperCase() + detail.substring(1) + ".");
            }
            return SchemaCommand.DONE;
        } catch (SQLException e) {
            records.finish(audit, "FAILED", e.getMessage());
            throw new CommandFailure("Restoring backup " + id + " failed: " + SchemaCore.databaseError(e), e);
        } catch (RuntimeException e) {
            records.finish(audit, "FAILED", e.getMessage());
            throw e;
        }
    }

    /**
     * Copies the rows that {@code destructive} (statements by changeset) would remove, before they run. Without
     * schema_backups (not applied yet) nothing can be kept, and the operator is told so.
     */
    static List<BackupRecord> beforeDestructive(Common common, Output out, Map<String, List<DestructiveChange>> destructive) {
        if (destructive.values().stream().allMatch(List::isEmpty)) {
            return List.of();
        }
        try (Connection connection = common.connect("table backup")) {
            TableBackups tables = new TableBackups(connection);
            String dropsBackups = destructive.keySet().stream().filter(c -> c.contains("::" + BACKUPS_CHANGESET + "::")).findAny().orElse(null);
            if (dropsBackups != null && tables.available()) {
                List<String> lost = tables.lostWithTheBackupSchema(destructive.values().stream().flatMap(List::stream).toList());
                if (!lost.isEmpty()) {
                    throw new CommandFailure("Refused, nothing was changed: this rolls back " + dropsBackups + ", which drops"
                            + " schema_backups and schema " + TableBackups.SCHEMA + ", so it could not keep " + String.join(", ", lost)
                            + ". Roll back less (to after that changeset), or restore the backups and let them expire first.");
                }
            }
            if (!tables.available()) {
                System.err.println("warning: schema_backups is not applied, so the rows this removes are not backed up");
                return List.of();
            }
            List<BackupRecord> taken = ChangesetBackups.take(connection, destructive, Common.actor(), common.retentionDays);
            taken.forEach(backup -> out.line("  backup " + backup.id() + ": " + backup.rowCount() + " rows of " + backup.sourceTable()
                    + (backup.sourceColumn() == null ? "" : "." + backup.sourceColumn()) + " -> " + TableBackups.SCHEMA + "."
                    + backup.backupTable()));
            return taken;
        } catch (SQLException e) {
            throw new CommandFailure("Nothing was changed: the table-level backup before the destructive change failed: "
                    + SchemaCore.databaseError(e), e);
        }
    }
}
