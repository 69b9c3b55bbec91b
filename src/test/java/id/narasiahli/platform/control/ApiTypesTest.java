package id.narasiahli.platform.control;

import id.narasiahli.platform.boundary.RestConfiguration;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.Produces;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiTypesTest {

    @Test
    void findsEveryResourceMethodByVerbAndPath() {
        Map<String, ApiTypes.Endpoint> endpoints = new ApiTypes().endpoints(RestConfiguration.class);
        assertEquals("login", endpoints.get("POST /api/auth/login").method().getName());
        assertEquals("Education", endpoints.get("GET /api/me/education/{id}").tag());
        assertEquals("deleteAccount", endpoints.get("POST /api/me/deletion").method().getName());
        assertEquals("sendAttachment", endpoints.get("POST /api/conversations/{id}/messages").method().getName());
        assertEquals("application/json", endpoints.get("GET /api/me").produces());
        assertTrue(endpoints.size() > 60, endpoints.keySet().toString());
    }

    /**
     * An operation without content on success (204) documents only problem+json responses, so a generated client
     * sends {@code Accept: application/problem+json}: the method must produce that too, or JAX-RS answers 406 and
     * the operation cannot be called (seen with openapi-generator's Java client on POST /api/me/deletion).
     */
    @Test
    void operationsWithoutContentAcceptClientsThatTakeOnlyProblemDocuments() {
        List<String> refusing = new ArrayList<>();
        for (Map.Entry<String, ApiTypes.Endpoint> endpoint : new ApiTypes().endpoints(RestConfiguration.class).entrySet()) {
            Method method = endpoint.getValue().method();
            Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                    : method.getDeclaringClass().getAnnotation(Produces.class);
            if (method.getReturnType() == void.class && (produces == null || !List.of(produces.value()).contains(Problem.MEDIA_TYPE))) {
                refusing.add(endpoint.getKey());
            }
        }
        assertEquals(List.of(), refusing);
    }
}
