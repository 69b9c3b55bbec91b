package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An apply retried after a lock wait asks Liquibase only for what is left of its target. */
class UpdatePlanTest {

    @Test
    void aCountShrinksByWhatWasAppliedATagOrAllStays() {
        assertEquals(Map.of("count", 2), new UpdatePlan(Target.count(3), List.of()).arguments(1));
        assertEquals(Target.count(3), new UpdatePlan(Target.count(3), List.of()).rest(0));
        assertEquals(Map.of("tag", "v2"), new UpdatePlan(Target.toTag("v2"), List.of()).arguments(1));
        assertEquals(Target.ALL, new UpdatePlan(Target.ALL, List.of()).rest(4));
        assertEquals(Map.of(), new UpdatePlan(Target.ALL, List.of()).arguments(4));
    }
}
