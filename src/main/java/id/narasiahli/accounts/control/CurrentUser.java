package id.narasiahli.accounts.control;

import id.narasiahli.platform.control.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller, as the verified access token names them (subject = user id): the {@link Caller} that
 * accounts.boundary.BearerAuthentication put on this request, read through the request proxy. Nothing is kept here.
 */
@ApplicationScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    public int id() {
        return caller().id();
    }

    public Caller caller() {
        if (request.getAttribute(Caller.PROPERTY) instanceof Caller caller) {
            return caller;
        }
        throw ApiException.unauthorized("A valid bearer token is required");
    }
}
