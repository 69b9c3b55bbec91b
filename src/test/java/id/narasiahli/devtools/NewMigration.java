package id.narasiahli.devtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code mvn -Pnew-migration -Dname=add_foo}: creates liquibase/changelog/YYYYMMDDHHMMSS_add_foo.sql from the
 * template (formatted-SQL header, one changeset whose id is the file name, placeholders for the change and
 * its rollback) and registers it at the end of the master changelog. The placeholders are marked
 * {@value #PLACEHOLDER}; ChangelogConventionsTest fails while any is left, and while the rollback is
 * empty, so a migration cannot reach main half-written.
 */
public final class NewMigration {

    public static final String PLACEHOLDER = "TODO(new-migration)";
    static final String MASTER = "liquibase/db.changelog-master.xml";
    static final String CHANGELOG_DIR = "liquibase/changelog";
    static final String AUTHOR = "narasi";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final int MAX_DESCRIPTION = 100;

    private NewMigration() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? String.join(" ", args) : System.getProperty("name");
        if (name == null || name.isBlank()) {
            System.err.println("Usage: mvn -Pnew-migration -Dname=add_something   (lower-case words joined by '_')");
            System.exit(2);
        }
        Path project = Path.of(System.getProperty("narasi.dev.projectDir", ".")).toAbsolutePath().normalize();
        try {
            Path file = create(project, name, Clock.systemUTC());
            System.out.println("Created " + project.relativize(file) + " and registered it in " + MASTER + ".");
            System.out.println("Write the change and its --rollback in place of the " + PLACEHOLDER
                    + " lines; ChangelogConventionsTest fails until you do.");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Creates the file and registers it; returns the file. */
    public static Path create(Path project, String name, Clock clock) {
        String description = description(name);
        Path dir = project.resolve(CHANGELOG_DIR);
        Path master = project.resolve(MASTER);
        String id = timestamp(dir, clock) + "_" + description;
        Path file = dir.resolve(id + ".sql");
        try {
            String masterText = Files.readString(master, StandardCharsets.UTF_8);
            Files.writeString(file, template(id, name.strip()), StandardCharsets.UTF_8);
            Files.writeString(master, register(masterText, file.getFileName().toString()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** "Add expert ratings" and "add_expert_ratings" both become "add_expert_ratings". */
    static String description(String name) {
        String description = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (description.isEmpty()) {
            throw new IllegalArgumentException("The name '" + name + "' has no letters or digits; use e.g. add_expert_ratings");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("The name is longer than " + MAX_DESCRIPTION + " characters; say less");
        }
        return description;
    }

    /**
     * The current UTC time, or one second after the newest migration when that is later (a clock behind,
     * or two migrations in one second), so the master stays in timestamp order.
     */
    static String timestamp(Path dir, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
        try (Stream<Path> files = Files.list(dir)) {
            LocalDateTime newest = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{14}_.*\\.sql"))
                    .map(n -> LocalDateTime.parse(n.substring(0, 14), STAMP))
                    .max(LocalDateTime::compareTo).orElse(LocalDateTime.MIN);
            return STAMP.format(now.isAfter(newest) ? now : newest.plusSeconds(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String template(String id, String name) {
        return """
                --liquibase formatted sql

                --changeset %s:%s
                --comment: %s
                -- %s: write the change here, one logical change. On a table that already holds data, begin with
                -- SET LOCAL lock_timeout = '10s'; so the migration gives up instead of queueing every request behind it.

                -- %s: write the SQL that undoes the change after --rollback (one or more --rollback lines),
                -- then delete both placeholder comments.
                --rollback
                """.formatted(AUTHOR, id, name, PLACEHOLDER, PLACEHOLDER);
    }

    /** Adds the include as the last entry of the master, indented like the others. */
    static String register(String master, String fileName) {
        int end = master.lastIndexOf("</databaseChangeLog>");
        if (end < 0) {
            throw new IllegalArgumentException(MASTER + " has no </databaseChangeLog>");
        }
        String include = "    <include file=\"changelog/" + fileName + "\" relativeToChangelogFile=\"true\"/>\n";
        return master.substring(0, end) + include + master.substring(end);
    }
}
