package id.narasiahli.accounts.boundary;

import id.narasiahli.accounts.control.Caller;
import id.narasiahli.accounts.control.TokenVerifier;
import id.narasiahli.platform.control.ApiException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;

/**
 * Authenticates every /api request that carries {@code Authorization: Bearer <token>}, before the resource is even
 * matched: a token {@link TokenVerifier} accepts makes its {@link Caller} the request's principal (JAX-RS
 * SecurityContext, and the request property CurrentUser reads); any other bearer token is refused with 401 and
 * {@code WWW-Authenticate: Bearer error="invalid_token"}, whatever the path. A request without one stays anonymous;
 * {@link RoleCheck} refuses it where a role is required.
 * <p>
 * This replaces Payara's MicroProfile JWT mechanism ({@code @LoginConfig}), which ran the same checks through
 * Jakarta Authentication on every request and cost the history page about a quarter of its CPU
 * (src/site/markdown/performance.md, "Sixth round").
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer";

    @Inject
    TokenVerifier verifier;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return;
        }
        Caller caller = verifier.caller(header.substring(SCHEME.length() + 1).trim()).orElseThrow(() -> ApiException.invalidToken(
                "A valid bearer token is required: the one sent is malformed, expired, not signed by a published key or not meant for this service"));
        request.setProperty(Caller.PROPERTY, caller);
        request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
    }

    /** The JAX-RS view of the caller: principal, roles, scheme. */
    private record CallerContext(Caller caller, boolean isSecure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.inRole(role);
        }

        @Override
        public String getAuthenticationScheme() {
            return SCHEME;
        }
    }
}
