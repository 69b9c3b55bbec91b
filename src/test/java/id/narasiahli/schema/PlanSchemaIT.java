package id.narasiahli.schema;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.SchemaSnapshot;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrated schema against the schema plan (shared/seeds/000), object for object: every column with its
 * type, length, NOT NULL and default; every CHECK, foreign key (ON DELETE CASCADE) and index by its plan name.
 * The expected lines in schema/expected-schema.txt were written from the plan, in the catalog's notation.
 */
public class PlanSchemaIT {

    private static String database;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.createDatabase("plan_schema");
        Changelogs.update(database);
    }

    /** The whole catalog must equal the plan's; the assertion shows any missing, extra or changed line. */
    @Test
    void migratedSchemaMatchesThePlanExactly() throws IOException {
        assertEquals(expected(), SchemaSnapshot.text(database));
    }

    @Test
    void everyForeignKeyCascadesOnDelete() {
        List<String> foreignKeys = SchemaSnapshot.of(database).stream().filter(l -> l.contains("FOREIGN KEY")).toList();
        assertEquals(14, foreignKeys.size(), String.join("\n", foreignKeys));
        foreignKeys.forEach(fk -> assertTrue(fk.endsWith("ON DELETE CASCADE"), fk));
    }

    @Test
    void conversationPairIndexIsUniqueOverLeastAndGreatest() {
        assertTrue(SchemaSnapshot.of(database).contains("index conversations.idx_conversations_participants "
                + "CREATE UNIQUE INDEX idx_conversations_participants ON public.conversations USING btree "
                + "(LEAST(participant1_id, participant2_id), GREATEST(participant1_id, participant2_id))"));
    }

    public static String expected() throws IOException {
        try (InputStream in = PlanSchemaIT.class.getResourceAsStream("/schema/expected-schema.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .sorted()
                    .reduce((a, b) -> a + "\n" + b).orElse("");
        }
    }
}
