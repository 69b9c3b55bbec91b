package id.narasiahli.accounts.control;

import id.narasiahli.platform.control.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller, as the verified access token names them (subject = user id). The token is the request's own principal
 * (the one TokenVerifier returned for this request), read through the request proxy: an injected JsonWebToken is a
 * request-scoped bean that Payara builds with a JNDI lookup of the BeanManager on every request. Nothing is kept here.
 */
@ApplicationScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    public int id() {
        String subject = request.getUserPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
        if (subject == null) {
            throw ApiException.unauthorized("A valid bearer token is required");
        }
        return Integer.parseInt(subject);
    }
}
