package id.narasiahli.schema.liquibase;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationLockWaitTest {

    @Test
    void acceptsWholeSecondsIncludingZero() {
        assertEquals(Duration.ofSeconds(300), MigrationLock.maxWait("300"));
        assertEquals(Duration.ZERO, MigrationLock.maxWait(" 0 "));
    }

    @Test
    void rejectsNegativeFractionalAndTextNamingTheSettingAndItsVariable() {
        for (String invalid : new String[] {"-1", "1.5", "5m", ""}) {
            SchemaMigrationException e = assertThrows(SchemaMigrationException.class, () -> MigrationLock.maxWait(invalid));
            assertTrue(e.getMessage().contains("narasi.schema.lock-wait-seconds (env NARASI_SCHEMA_LOCK_WAIT_SECONDS) = '"
                    + invalid + "'"), e.getMessage());
        }
    }
}
