package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.JsonShape;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * Checks made before any resource runs. Query parameters and path segments reach SQL as text: a NUL character
 * (PostgreSQL refuses it) or an unpaired surrogate is a 400 naming the parameter. A Content-Type with a wildcard
 * ({@code *}{@code /*}) describes no body (RFC 9110 8.3) and would reach a body reader that cannot read it: 415.
 */
@Provider
@PreMatching
public class RequestShapeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
            throw ApiException.unsupportedMediaType("Content-Type " + type + " names no media type; send the body's own type");
        }
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            JsonShape.characters("path", segment.getPath());
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            JsonShape.characters(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                JsonShape.characters(parameter.getKey(), value);
            }
        }
    }
}
