package id.narasiahli.schema.liquibase;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule, for the server and the command line, of whether a contexts setting is a production one. */
class ProductionContextsTest {

    @Test
    void productionIsAContextOfItsOwnInAnyCaseAmongCommasOrSpaces() {
        for (String contexts : new String[]{"production", "PRODUCTION", "dev,production", "dev, production", " production ",
                "seed production"}) {
            assertTrue(LiquibaseSession.isProduction(contexts), contexts);
        }
        for (String contexts : new String[]{"dev", "", "preproduction", "production-like", "dev,test"}) {
            assertFalse(LiquibaseSession.isProduction(contexts), contexts);
        }
        assertFalse(LiquibaseSession.isProduction(null));
    }
}
