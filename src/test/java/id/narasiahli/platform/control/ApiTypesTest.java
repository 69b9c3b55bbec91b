package id.narasiahli.platform.control;

import id.narasiahli.platform.boundary.RestConfiguration;
import org.junit.jupiter.api.Test;

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
}
