package id.narasiahli.schema;

import id.narasiahli.testsupport.Changelogs;
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

/** The rules every migration follows (README, "Adding a migration"), checked on the files themselves. */
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

    private static List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.list(CHANGELOG_DIR)) {
            return paths.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
