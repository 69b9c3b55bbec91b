package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds the HTTP response for a problem document. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response.ResponseBuilder of(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson().toString());
    }

    static Response of(ApiException e, String path) {
        Response.ResponseBuilder response = of(Problem.of(e, path));
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE,
                    ApiException.INVALID_TOKEN.equals(e.type()) ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        return response.build();
    }
}
