package id.narasiahli.schema;

import id.narasiahli.devserver.SchemaDriftCommandProbe;
import id.narasiahli.schema.drift.UnmigratedNickname;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The developer command's draft: what the entities need and the migrated database lacks, as a changeset. */
class SchemaDriftCommandIT {

    @Test
    void draftAddsTheUnmigratedColumnWithRollbackAndNothingElse() throws Exception {
        String dev = TestDatabase.createDatabase("dev_drift");
        Changelogs.update(dev);

        String draft = SchemaDriftCommandProbe.draft(List.of(UnmigratedNickname.class), TestDatabase.dataSource(dev))
                .render("20261121150000_add_users_nickname");

        assertTrue(draft.startsWith("--liquibase formatted sql\n\n--changeset narasi:20261121150000_add_users_nickname\n"), draft);
        assertTrue(draft.contains("ALTER TABLE public.users ADD nickname VARCHAR(40);"), draft);
        assertTrue(draft.contains("--rollback ALTER TABLE public.users DROP COLUMN nickname;"), draft);
        assertEquals(1, draft.lines().filter(l -> l.startsWith("ALTER") || l.startsWith("CREATE") || l.startsWith("DROP")).count(), draft);
    }

    @Test
    void draftOfProjectEntitiesOnMigratedDatabaseIsEmpty() throws Exception {
        String dev = TestDatabase.createDatabase("dev_clean");
        Changelogs.update(dev);
        assertTrue(SchemaDriftCommandProbe.draft(SchemaDriftIT.ENTITIES, TestDatabase.dataSource(dev)).isEmpty());
    }
}
