package id.narasiahli.schema;

import id.narasiahli.devtools.NewMigration;
import id.narasiahli.testsupport.database.Changelogs;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules every migration follows (src/site/markdown/migrations.md, "Adding a migration"), checked on the files themselves. */
class ChangelogConventionsTest {

    private static final Path CHANGELOG_DIR = Path.of("liquibase/changelog");

    @Test
    void migrationFilesAreNamedTimestampUnderscoreDescription() throws IOException {
        List<String> names = files().stream().map(p -> p.getFileName().toString()).toList();
        assertFalse(names.isEmpty());
        names.forEach(name -> assertTrue(name.matches("\\d{14}_[a-z0-9]+(_[a-z0-9]+)*\\.sql"), name));
    }

    @Test
    void masterIncludesEveryFileOnceInTimestampOrder() throws IOException {
        List<String> included = Changelogs.changesets().stream().map(ChangeSet::getFilePath).distinct().toList();
        List<String> files = files().stream().map(p -> "liquibase/changelog/" + p.getFileName()).sorted().toList();
        assertEquals(files, included);
    }

    @Test
    void everyFileIsFormattedSqlWithOneChangesetNamedAfterIt() throws IOException {
        for (Path file : files()) {
            String text = Files.readString(file);
            assertTrue(text.startsWith("--liquibase formatted sql"), file + " is formatted SQL");
            String stem = file.getFileName().toString().replace(".sql", "");
            List<ChangeSet> inFile = Changelogs.changesets().stream()
                    .filter(c -> c.getFilePath().endsWith("/" + file.getFileName())).toList();
            assertEquals(1, inFile.size(), file + " holds one changeset");
            assertEquals(stem, inFile.get(0).getId(), file + ": changeset id is the file name");
        }
    }

    @Test
    void changesetIdsAreUnique() {
        Set<String> seen = new HashSet<>();
        Changelogs.changesets().forEach(c -> assertTrue(seen.add(c.getId()), "duplicate id " + c.getId()));
    }

    @Test
    void everyChangesetHasARollback() {
        Changelogs.changesets().forEach(c ->
                assertFalse(c.getRollback().getChanges().isEmpty(), c + " has no --rollback"));
    }

    /** mvn -Pnew-migration writes placeholders; a migration is done when none is left. */
    @Test
    void noNewMigrationPlaceholderIsLeft() throws IOException {
        for (Path file : files()) {
            assertFalse(Files.readString(file).contains(NewMigration.PLACEHOLDER), file + " still has " + NewMigration.PLACEHOLDER
                    + " lines: write the change and its --rollback, then delete them");
        }
    }

    /**
     * Only development seed data is limited to a context, and that context is "dev": a changeset with any
     * other context (a typo included) would silently never run in production.
     */
    @Test
    void onlyDevSeedDataIsLimitedToAContext() {
        Changelogs.changesets().stream().filter(c -> c.getContextFilter() != null && !c.getContextFilter().isEmpty())
                .forEach(c -> {
                    assertEquals("dev", c.getContextFilter().toString(), c + " may only be limited to the context dev");
                    assertTrue(c.getId().contains("_seed_"), c + " is limited to dev, so it must be seed data named *_seed_*");
                });
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.list(CHANGELOG_DIR)) {
            return paths.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
