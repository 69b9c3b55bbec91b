package id.narasiahli.accounts.control;

import id.narasiahli.platform.control.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller, as the verified access token names them (subject = user id). */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken token;

    public int id() {
        String subject = token == null ? null : token.getSubject();
        if (subject == null) {
            throw ApiException.unauthorized("A valid bearer token is required");
        }
        return Integer.parseInt(subject);
    }
}
