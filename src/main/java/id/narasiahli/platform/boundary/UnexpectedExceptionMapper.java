package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.DatabaseOutage;
import id.narasiahli.platform.control.Problem;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: a body JSON-B cannot read is the client's fault (400); a database that cannot be reached
 * is 503 with Retry-After ({@link DatabaseOutage}); the rest is ours (500) and is logged with an incident id
 * that the client also gets. No stack trace ever reaches a client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        if (isUnreadableBody(e)) {
            return ProblemResponses.of(Problem.http(400, "Bad Request", "The request body is not valid JSON for this operation",
                    uri.getRequestUri().getPath())).build();
        }
        if (DatabaseOutage.in(e)) {
            LOG.warning(() -> "Database unreachable on " + uri.getRequestUri().getPath() + ": " + e);
            return ProblemResponses.of(DatabaseOutage.unavailable(), uri.getRequestUri().getPath());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + " on " + uri.getRequestUri().getPath(), e);
        return ProblemResponses.of(Problem.http(500, "Internal Server Error",
                "Something went wrong on our side; incident " + incident, uri.getRequestUri().getPath())).build();
    }

    private static boolean isUnreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProcessingException || t instanceof jakarta.json.bind.JsonbException
                    || t instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return false;
    }
}
