package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.DatabaseAvailability;
import id.narasiahli.platform.control.ApiException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * While the database is known to be unreachable, every API request is answered at once with 503 and
 * Retry-After: waiting for the pool would only tie up a request thread for the pool's max-wait and end in
 * the same answer. Requests that race the probe are still mapped to 503 by the exception mappers.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class DatabaseOutageFilter implements ContainerRequestFilter {

    @Inject
    DatabaseAvailability database;

    @Override
    public void filter(ContainerRequestContext request) {
        if (database.down()) {
            // the same problem as DatabaseOutage gives a request that met the outage itself
            request.abortWith(ProblemResponses.of(ApiException.unavailable("The database cannot be reached; try again in "
                    + database.retryAfterSeconds() + " seconds", database.retryAfterSeconds()),
                    request.getUriInfo().getRequestUri().getPath()));
        }
    }
}
