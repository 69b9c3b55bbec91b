package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (unknown path 404, wrong method 405, unreadable body 400, missing token 401, missing
 * role 403) as problem documents. The exception's message is not shown: it may name internals.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        Response.ResponseBuilder response = ProblemResponses.of(Problem.http(status, title, detail(status), uri.getRequestUri().getPath()));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        if (status == 401 && original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE) == null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request body or parameters could not be read";
            case 401 -> "A valid bearer token is required";
            case 403 -> "This operation is not allowed for your role";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not supported here";
            default -> null;
        };
    }
}
