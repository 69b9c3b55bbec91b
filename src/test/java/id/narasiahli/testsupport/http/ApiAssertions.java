package id.narasiahli.testsupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on problem documents. */
public final class ApiAssertions {

    private ApiAssertions() {
    }

    /** 400, application/problem+json, and {@code field} named among the invalid fields. */
    public static void assertInvalid(Api.Response response, String field) {
        assertEquals(400, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertTrue(response.json().getJsonArray("errors").stream()
                .anyMatch(e -> e.asJsonObject().getString("field").equals(field)), field + " named in " + response.body());
    }
}
