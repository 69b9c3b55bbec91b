package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.TestDatabase;
import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.filter.ContextChangeSetFilter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's changelog manifest says what Liquibase says: the same changesets and checksums, the same selection
 * for any contexts, "at head" on exactly the databases where Liquibase finds nothing pending, and "ask Liquibase"
 * whenever the files or the changelog are not the ones it was built from (real PostgreSQL, real Liquibase).
 */
class ChangelogManifestTest {

    private static final ClassLoader LOADER = ChangelogManifestTest.class.getClassLoader();

    private static ChangelogManifest built() throws Exception {
        return ChangelogManifest.load(LOADER).orElseThrow(() -> new AssertionError(ChangelogManifest.RESOURCE
                + " is missing from target/classes: the build's changelog-manifest execution did not run"));
    }

    @Test
    void theBuildsManifestHoldsEveryChangesetWithTheChecksumLiquibaseComputes() throws Exception {
        ChangelogManifest manifest = built();
        List<ChangeSet> parsed = Changelogs.changesets();
        assertEquals(parsed.size(), manifest.entries().size());
        for (int i = 0; i < parsed.size(); i++) {
            ChangeSet changeSet = parsed.get(i);
            ChangelogManifest.Entry entry = manifest.entries().get(i);
            assertEquals(ChangesetRef.of(changeSet), entry.ref());
            assertEquals(changeSet.generateCheckSum(ChecksumVersion.latest()).toString(), entry.checksum(), entry.ref().toString());
        }
        assertEquals(Optional.empty(), manifest.unusableFor(Changelogs.MASTER, LOADER));
    }

    @Test
    void selectsWhatLiquibasesContextFilterSelects() throws Exception {
        assertSameSelection(built(), Changelogs.changesets(), "production", "dev", "", "production,dev", "test",
                "!dev", "production and dev", "PRODUCTION");
        String inherited = "test-changelogs/manifest/contexts.xml";
        ChangelogManifest manifest = ChangelogManifest.parse(ChangelogManifestWriter.manifest(inherited));
        assertEquals(Optional.empty(), manifest.unusableFor(inherited, LOADER));
        assertSameSelection(manifest, Changelogs.changesets(inherited), "dev", "staging", "production", "", "staging,dev", "!dev");
        assertEquals(List.of("test-changelogs/manifest/contexts.sql::manifest_everywhere::test",
                "test-changelogs/manifest/contexts.sql::manifest_not_dev::test"),
                manifest.selected("staging").stream().map(e -> e.ref().toString()).toList());
        assertEquals(List.of(), manifest.selected("production"), "the include's contexts apply to its changesets");
    }

    private static void assertSameSelection(ChangelogManifest manifest, List<ChangeSet> parsed, String... contexts) {
        for (String context : contexts) {
            ContextChangeSetFilter filter = new ContextChangeSetFilter(new Contexts(context));
            List<ChangesetRef> liquibase = parsed.stream().filter(c -> filter.accepts(c).isAccepted()).map(ChangesetRef::of).toList();
            assertEquals(liquibase, manifest.selected(context).stream().map(ChangelogManifest.Entry::ref).toList(),
                    "contexts '" + context + "'");
        }
    }

    @Test
    void aChangedMissingOrOtherChangelogFileSendsTheCheckToLiquibase() throws Exception {
        ChangelogManifest manifest = built();
        String edited = "liquibase/changelog/20261121100300_create_work_histories.sql";
        assertEquals(Optional.of(edited + " changed since the build"), manifest.unusableFor(Changelogs.MASTER,
                serving(edited, "--liquibase formatted sql\n--changeset narasi:20261121100300_create_work_histories\nSELECT 1;\n")));
        assertEquals(Optional.of(edited + " is missing"), manifest.unusableFor(Changelogs.MASTER, serving(edited, null)));
        assertEquals(Optional.of("built for liquibase/db.changelog-master.xml, not test-changelogs/broken-master.xml"),
                manifest.unusableFor("test-changelogs/broken-master.xml", LOADER));
    }

    @Test
    void runAlwaysAndPreconditionsMakeTheManifestUnusable() throws Exception {
        String runAlways = "test-changelogs/manifest/run-always.sql";
        assertEquals(Optional.of(runAlways + "::manifest_refresh::test uses runAlways, ignore, dbms or preconditions"),
                ChangelogManifest.parse(ChangelogManifestWriter.manifest(runAlways)).unusableFor(runAlways, LOADER));
        String guarded = "test-changelogs/manifest/precondition.sql";
        assertEquals(Optional.of(guarded + "::manifest_guarded::test uses runAlways, ignore, dbms or preconditions"),
                ChangelogManifest.parse(ChangelogManifestWriter.manifest(guarded)).unusableFor(guarded, LOADER));
    }

    @Test
    void atHeadExactlyWhenEverySelectedChangesetIsRecordedWithItsChecksum() throws Exception {
        ChangelogManifest manifest = built();
        String database = TestDatabase.createDatabase("manifest");
        assertEquals(Optional.empty(), atHead(manifest, database, "production"), "no tracking table yet");

        int production = Changelogs.productionChangesets().size();
        Changelogs.updateCount(database, production - 1);
        assertEquals(Optional.empty(), atHead(manifest, database, "production"), "the last changeset is pending");

        Changelogs.update(database);
        assertEquals(Optional.of(manifest.selected("production").stream().map(ChangelogManifest.Entry::ref).toList()),
                atHead(manifest, database, "production"));
        assertEquals(production, atHead(manifest, database, "production").orElseThrow().size());
        assertEquals(Optional.empty(), atHead(manifest, database, "production,dev"), "the dev seed is not applied");

        // as Liquibase 4.33 records them: a checksum of an older format, or none, is Liquibase's to judge and upgrade
        TestDatabase.execute(database, "UPDATE databasechangelog SET md5sum = '8:0123456789abcdef0123456789abcdef'"
                + " WHERE id = '20261121100300_create_work_histories'");
        assertEquals(Optional.empty(), atHead(manifest, database, "production"), "a checksum that differs");
        TestDatabase.execute(database, "UPDATE databasechangelog SET md5sum = NULL WHERE id = '20261121100300_create_work_histories'");
        assertEquals(Optional.empty(), atHead(manifest, database, "production"), "no checksum recorded");
    }

    private static Optional<List<ChangesetRef>> atHead(ChangelogManifest manifest, String database, String contexts) throws SQLException {
        try (Connection connection = TestDatabase.dataSource(database).getConnection()) {
            return manifest.atHead(connection, contexts);
        }
    }

    /** The project's class path, except that {@code file} holds {@code text} (or is missing, with null). */
    private static ClassLoader serving(String file, String text) {
        return new ClassLoader(LOADER) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (name.equals(file)) {
                    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
                }
                return super.getResourceAsStream(name);
            }
        };
    }

    @Test
    void aManifestLineItCannotReadIsAnErrorNotAVerdict() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangelogManifest.parse("changelog\tx.xml\nchangeset\tonly-a-file\n"));
        assertTrue(e.getMessage().contains("too few fields"), e.getMessage());
    }
}
