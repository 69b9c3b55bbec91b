package id.narasiahli.schema.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole-database backup with PostgreSQL's own tools: pg_dump in custom format, then pg_restore --list on the
 * archive to prove it reads back. pg_dump refuses a server of a newer major version than itself, so that is
 * checked first and reported with both versions. The password reaches the tools through PGPASSWORD, never
 * their command line.
 */
public final class DatabaseDump {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");

    /** Where the database is, as the tools' environment variables name it (PGHOST, PGPORT, ...). */
    public record Target(String host, String port, String database, String user, String password, String sslMode) {

        Map<String, String> environment() {
            Map<String, String> env = new java.util.HashMap<>();
            env.put("PGHOST", host);
            env.put("PGPORT", port);
            env.put("PGDATABASE", database);
            if (user != null) {
                env.put("PGUSER", user);
            }
            if (password != null) {
                env.put("PGPASSWORD", password);
            }
            if (sslMode != null) {
                env.put("PGSSLMODE", sslMode);
            }
            return env;
        }

        /** The command that restores an archive into this database (printed, never run by us). */
        String restoreCommand(Path file) {
            return "pg_restore --clean --if-exists --no-owner --host=" + host + " --port=" + port
                    + (user == null ? "" : " --username=" + user) + " --dbname=" + database + " " + file;
        }
    }

    public record Result(Path file, long sizeBytes, String sha256, String pgDump, String pgDumpVersion, int serverMajor,
                         int archiveEntries, String restoreCommand) {
    }

    private DatabaseDump() {
    }

    /** {@code pgDump} null: the first pg_dump on PATH. */
    public static Result run(Connection connection, Target target, Path pgDump, Path out) throws SQLException {
        Path tool = pgDump != null ? pgDump : onPath("pg_dump").orElse(null);
        int serverMajor = connection.getMetaData().getDatabaseMajorVersion();
        if (tool == null || !Files.isExecutable(tool)) {
            throw new BackupException((tool == null ? "pg_dump is not on PATH" : "pg_dump " + tool + " does not exist or cannot run")
                    + "; the server is PostgreSQL " + serverMajor + ". Install PostgreSQL " + serverMajor
                    + " client tools (Debian: postgresql-client-" + serverMajor + ") or give --pg-dump PATH.");
        }
        String version = run(List.of(tool.toString(), "--version"), Map.of(), "pg_dump --version").strip();
        Matcher m = VERSION.matcher(version);
        int toolMajor = m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (toolMajor < serverMajor) {
            throw new BackupException("pg_dump " + tool + " is PostgreSQL " + (toolMajor < 0 ? "of unknown version ('" + version + "')"
                    : toolMajor) + ", older than the server's PostgreSQL " + serverMajor + ": pg_dump cannot dump a newer"
                    + " server. Use PostgreSQL " + serverMajor + " client tools (Debian: postgresql-client-" + serverMajor
                    + ") with --pg-dump PATH.");
        }
        run(List.of(tool.toString(), "--format=custom", "--no-password", "--file=" + out), target.environment(), "pg_dump");
        Path restore = Optional.ofNullable(tool.getParent()).map(dir -> dir.resolve("pg_restore")).filter(Files::isExecutable)
                .or(() -> onPath("pg_restore"))
                .orElseThrow(() -> new BackupException("pg_restore is not next to " + tool + " nor on PATH: the archive " + out
                        + " was written but not verified"));
        String listing = run(List.of(restore.toString(), "--list", out.toString()), Map.of(), "pg_restore --list " + out);
        int entries = (int) listing.lines().filter(l -> !l.isBlank() && !l.startsWith(";")).count();
        try {
            return new Result(out.toAbsolutePath(), Files.size(out), sha256(out), tool.toString(), version, serverMajor, entries,
                    target.restoreCommand(out.toAbsolutePath()));
        } catch (IOException e) {
            throw new BackupException("Cannot read the archive " + out + ": " + e.getMessage(), e);
        }
    }

    private static String run(List<String> command, Map<String, String> environment, String what) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new BackupException(what + " failed (exit " + (process.isAlive() ? "none" : process.exitValue()) + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackupException(what + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(what + " was interrupted", e);
        }
    }

    static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        List<Path> candidates = new ArrayList<>();
        for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, tool));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
