package id.narasiahli.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/**
 * Headers on every API response. The API serves JSON and stored files, never pages, so nothing may frame,
 * sniff or script it, and nothing is cached unless a resource says so: answers carry personal data and
 * tokens (the token responses of login, refresh and password change above all).
 * HSTS is the TLS-terminating proxy's to set (see security.md).
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putIfAbsent(HttpHeaders.CACHE_CONTROL, List.of("no-store"));
        headers.putIfAbsent("X-Content-Type-Options", List.of("nosniff"));
        headers.putIfAbsent("X-Frame-Options", List.of("DENY"));
        headers.putIfAbsent("Content-Security-Policy", List.of("default-src 'none'; frame-ancestors 'none'; sandbox"));
        headers.putIfAbsent("Referrer-Policy", List.of("no-referrer"));
        headers.putIfAbsent("Cross-Origin-Resource-Policy", List.of("same-origin"));
    }
}
