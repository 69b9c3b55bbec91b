package id.narasiahli.schema;

import id.narasiahli.accounts.entity.LoginFailure;
import id.narasiahli.accounts.entity.RefreshToken;
import id.narasiahli.accounts.entity.SigningKey;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.files.entity.StoredFile;
import id.narasiahli.profiles.entity.EducationHistory;
import id.narasiahli.profiles.entity.ResearchJournal;
import id.narasiahli.profiles.entity.WorkHistory;
import id.narasiahli.schema.quality.control.ChangelogDrift;
import id.narasiahli.schema.quality.control.DriftItem;
import id.narasiahli.schema.quality.control.EntityDrift;
import id.narasiahli.schema.quality.control.ShadowDatabase;
import id.narasiahli.schema.drift.UnmigratedNickname;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drift detection against a real PostgreSQL: a migrated database, changed by hand, against the changelog and the entities. */
class SchemaDriftIT {

    static final List<Class<?>> ENTITIES = List.of(User.class, RefreshToken.class, LoginFailure.class, SigningKey.class,
            StoredFile.class, EducationHistory.class, WorkHistory.class, ResearchJournal.class);

    private String live;

    @BeforeEach
    void migratedDatabase() {
        live = TestDatabase.createDatabase("drift");
        Changelogs.update(live);
    }

    @Test
    void cleanDatabaseHasNoDriftAndTheScratchShadowIsDropped() throws Exception {
        assertEquals(List.of(), changelogDrift());
        assertEquals(List.of(), entityDrift(ENTITIES));
        assertEquals("0", TestDatabase.queryValue("postgres",
                "SELECT count(*) FROM pg_database WHERE datname LIKE '" + live + "_shadow_%'"));
    }

    @Test
    void findsHandAddedColumnMissingIndexAndChangedType() throws Exception {
        TestDatabase.execute(live, "ALTER TABLE users ADD COLUMN hand_made_note TEXT");
        TestDatabase.execute(live, "DROP INDEX idx_work_histories_company_name");
        TestDatabase.execute(live, "ALTER TABLE research_journals ALTER COLUMN publisher TYPE TEXT");

        List<DriftItem> drift = changelogDrift();

        assertTrue(drift.contains(new DriftItem("unexpected", "column", "users.hand_made_note", "in the live database only")), drift.toString());
        assertTrue(drift.stream().anyMatch(d -> d.kind().equals("missing") && d.type().equals("index")
                && d.name().equals("work_histories.idx_work_histories_company_name")), drift.toString());
        assertTrue(drift.stream().anyMatch(d -> d.kind().equals("changed") && d.name().equals("research_journals.publisher")
                && d.detail().contains("type")), drift.toString());
        assertEquals(3, drift.size(), drift.toString());
    }

    @Test
    void reportsAnInvalidIndexLeftByAFailedConcurrentBuild() throws Exception {
        TestDatabase.execute(live, "CREATE TABLE IF NOT EXISTS drift_probe (id INTEGER)");
        TestDatabase.execute(live, "INSERT INTO drift_probe VALUES (1), (1)");
        assertThrows(IllegalStateException.class, () ->
                TestDatabase.execute(live, "CREATE UNIQUE INDEX CONCURRENTLY uq_drift_probe ON drift_probe (id)"));

        List<DriftItem> drift = changelogDrift();

        assertTrue(drift.stream().anyMatch(d -> d.kind().equals("changed") && d.type().equals("index")
                && d.name().equals("uq_drift_probe") && d.detail().startsWith("INVALID on drift_probe")), drift.toString());
    }

        @Test
    void findsEntityFieldWithoutColumnAndColumnNarrowerThanMapping() throws Exception {
        TestDatabase.execute(live, "ALTER TABLE work_histories ALTER COLUMN company_name TYPE VARCHAR(100)");

        List<DriftItem> drift = entityDrift(List.of(UnmigratedNickname.class, WorkHistory.class));

        assertTrue(drift.contains(new DriftItem("missing", "column", "users.nickname", "mapped by UnmigratedNickname.nickname")), drift.toString());
        assertTrue(drift.contains(new DriftItem("changed", "column", "work_histories.company_name", "length: mapping 255, live 100")), drift.toString());
        assertEquals(2, drift.size(), drift.toString());
    }

    private List<DriftItem> changelogDrift() throws Exception {
        try (ShadowDatabase shadow = ShadowDatabase.scratchNextTo(TestDatabase.dataSource(live))) {
            return ChangelogDrift.compare(TestDatabase.dataSource(live).getConnection(), shadow, Changelogs.MASTER, "production");
        }
    }

    private List<DriftItem> entityDrift(List<Class<?>> entities) throws Exception {
        try (Connection c = TestDatabase.dataSource(live).getConnection()) {
            return EntityDrift.compare(entities, c);
        }
    }
}
