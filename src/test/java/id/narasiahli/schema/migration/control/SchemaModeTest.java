package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.SchemaMigrationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaModeTest {

    @Test
    void parsesTheThreeModesIgnoringCaseAndSpace() {
        assertEquals(SchemaMode.UPDATE, SchemaMode.parse("update"));
        assertEquals(SchemaMode.VALIDATE, SchemaMode.parse(" Validate "));
        assertEquals(SchemaMode.OFF, SchemaMode.parse("OFF"));
    }

    @Test
    void unknownModeNamesTheSettingAndTheChoices() {
        SchemaMigrationException e = assertThrows(SchemaMigrationException.class, () -> SchemaMode.parse("upgrade"));
        assertTrue(e.getMessage().contains("narasi.schema.mode (env NARASI_SCHEMA_MODE) = 'upgrade'"), e.getMessage());
        assertTrue(e.getMessage().contains("update, validate, off"), e.getMessage());
    }
}
