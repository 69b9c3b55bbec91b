package id.narasiahli.devtools;

import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The new-migration command on a copy of the project's changelog layout. */
class NewMigrationTest {

    private static final Clock AT_15_00 = Clock.fixed(Instant.parse("2026-11-21T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path project;

    @BeforeEach
    void projectWithTwoMigrations() throws IOException {
        Files.createDirectories(project.resolve("liquibase/changelog"));
        for (String id : List.of("20261121100000_create_things", "20261121140300_add_thing_color")) {
            Files.writeString(project.resolve("liquibase/changelog/" + id + ".sql"), "--liquibase formatted sql\n\n--changeset narasi:"
                    + id + "\nCREATE TABLE t_" + id.substring(15) + " (id INT);\n--rollback DROP TABLE t_" + id.substring(15) + ";\n");
        }
        Files.writeString(project.resolve(NewMigration.MASTER), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog
                        xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                                            http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">

                    <include file="changelog/20261121100000_create_things.sql" relativeToChangelogFile="true"/>
                    <include file="changelog/20261121140300_add_thing_color.sql" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
    }

    @Test
    void createsTheFileFromTheTemplateNamedByUtcTimeAndDescription() throws Exception {
        Path file = NewMigration.create(project, "Add expert ratings", AT_15_00);

        assertEquals("20261121150000_add_expert_ratings.sql", file.getFileName().toString());
        String text = Files.readString(file);
        assertTrue(text.startsWith("--liquibase formatted sql\n\n--changeset narasi:20261121150000_add_expert_ratings\n"), text);
        assertTrue(text.contains("--comment: Add expert ratings\n"), text);
        assertTrue(text.contains("SET LOCAL lock_timeout = '10s';"), "the template reminds of the lock timeout");
    }

    @Test
    void registersTheFileLastInTheMasterAndLiquibaseReadsItAsOneChangesetNamedAfterIt() throws Exception {
        NewMigration.create(project, "add_expert_ratings", AT_15_00);

        String master = Files.readString(project.resolve(NewMigration.MASTER));
        assertTrue(master.endsWith("""
                    <include file="changelog/20261121140300_add_thing_color.sql" relativeToChangelogFile="true"/>
                    <include file="changelog/20261121150000_add_expert_ratings.sql" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """), master);
        List<ChangeSet> changesets = parse();
        assertEquals(3, changesets.size());
        ChangeSet added = changesets.get(2);
        assertEquals("20261121150000_add_expert_ratings", added.getId());
        assertEquals("narasi", added.getAuthor());
        assertEquals("liquibase/changelog/20261121150000_add_expert_ratings.sql", added.getFilePath());
    }

    /** Exactly the two things ChangelogConventionsTest checks: the placeholder text, and a rollback. */
    @Test
    void theUnfilledTemplateFailsTheConventionsUntilChangeAndRollbackAreWritten() throws Exception {
        Path file = NewMigration.create(project, "add_expert_ratings", AT_15_00);
        assertTrue(Files.readString(file).contains(NewMigration.PLACEHOLDER));
        assertTrue(parse().get(2).getRollback().getChanges().isEmpty(), "no rollback until one is written");

        String filled = Files.readString(file).lines().filter(l -> !l.contains(NewMigration.PLACEHOLDER) && !l.startsWith("-- SET LOCAL"))
                .map(l -> l.equals("--rollback") ? "CREATE TABLE expert_ratings (id INT);\n--rollback DROP TABLE expert_ratings;" : l)
                .reduce("", (a, b) -> a + b + "\n");
        Files.writeString(file, filled);
        assertFalse(Files.readString(file).contains(NewMigration.PLACEHOLDER));
        assertFalse(parse().get(2).getRollback().getChanges().isEmpty());
    }

    @Test
    void aClockBehindTheNewestMigrationOrASecondMigrationInTheSameSecondKeepsTimestampOrder() {
        Clock early = Clock.fixed(Instant.parse("2026-11-21T11:00:00Z"), ZoneOffset.UTC);
        assertEquals("20261121140301_first.sql", NewMigration.create(project, "first", early).getFileName().toString());
        assertEquals("20261121140302_second.sql", NewMigration.create(project, "second", early).getFileName().toString());
    }

    @Test
    void namesWithoutLettersOrDigitsAreRefused() {
        assertEquals("add_expert_ratings", NewMigration.description("  Add -- Expert/Ratings! "));
        assertThrows(IllegalArgumentException.class, () -> NewMigration.description(" _-!? "));
        assertThrows(IllegalArgumentException.class, () -> NewMigration.description("x".repeat(101)));
    }

    private List<ChangeSet> parse() throws Exception {
        ResourceAccessor accessor = new DirectoryResourceAccessor(project);
        return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor, "liquibase.analytics.enabled", Boolean.FALSE),
                () -> ChangeLogParserFactory.getInstance().getParser(NewMigration.MASTER, accessor)
                        .parse(NewMigration.MASTER, new ChangeLogParameters(), accessor).getChangeSets());
    }
}
