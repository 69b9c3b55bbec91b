package id.narasiahli.accounts.control;

import java.security.Principal;
import java.util.Set;

/**
 * The caller of one request, as its verified access token names them: the user id (subject), the name MicroProfile
 * JWT would give (upn, else preferred_username, else sub) and the roles (groups claim). Immutable, so the one built
 * when a token is first verified serves every later request with the same token, and no request can change another's.
 */
public record Caller(int id, String name, Set<String> roles) implements Principal {

    /** The request property (a servlet request attribute) that holds the caller of a request with a verified token. */
    public static final String PROPERTY = Caller.class.getName();

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean inRole(String role) {
        return roles.contains(role);
    }
}
