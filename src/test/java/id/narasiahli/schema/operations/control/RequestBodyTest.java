package id.narasiahli.schema.operations.control;

import id.narasiahli.platform.control.ApiException;
import id.narasiahli.schema.liquibase.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestBodyTest {

    private static final List<String> UPDATE = List.of(RequestBody.ALL, RequestBody.TO_TAG, RequestBody.COUNT);

    @Test
    void everyPendingChangesetOnlyWhenAllIsStated() {
        assertEquals(Target.ALL, target("{\"all\": true}"));
        assertEquals(Target.toTag("v1"), target("{\"toTag\": \"v1\"}"));
        assertEquals(Target.count(2), target("{\"count\": 2}"));
    }

    @Test
    void anEmptyBodyOrObjectNamesTheMissingField() {
        for (String body : new String[]{null, "", "  ", "{}", "{\"all\": null}"}) {
            assertEquals("all", refusedField(body), "body " + body);
        }
        assertEquals("all", refusedField("{\"all\": false}"));
        assertEquals("all", refusedField("{\"all\": \"true\"}"));
        assertEquals("body", refusedField("{\"all\": true, \"toTag\": \"v1\"}"));
        assertEquals("body", refusedField("{\"toTag\": \"v1\", \"count\": 1}"));
    }

    @Test
    void aRollbackNeedsToTagOrCountAndKnowsNoAll() {
        assertEquals("body", field(() -> RequestBody.parse("{}", List.of(RequestBody.TO_TAG, RequestBody.COUNT)).target(false)));
        assertEquals("all", field(() -> RequestBody.parse("{\"all\": true}", List.of(RequestBody.TO_TAG, RequestBody.COUNT))
                .target(false)));
        assertEquals(Target.count(1), RequestBody.parse("{\"count\": 1}", List.of(RequestBody.TO_TAG, RequestBody.COUNT)).target(false));
    }

    private static Target target(String body) {
        return RequestBody.parse(body, UPDATE).target(true);
    }

    private static String refusedField(String body) {
        return field(() -> target(body));
    }

    private static String field(Runnable action) {
        ApiException e = assertThrows(ApiException.class, action::run);
        assertEquals(400, e.status());
        return e.fieldErrors().get(0).field();
    }
}
