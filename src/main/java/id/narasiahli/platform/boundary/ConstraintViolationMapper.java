package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;

/** Bean Validation failures at the resource edge: 400 listing each invalid field by its JSON name. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<ApiException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiException.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiException.FieldError::field))
                .toList();
        return ProblemResponses.of(ApiException.invalid(errors), uri.getRequestUri().getPath());
    }

    /** "register.arg0.email" is the field "email"; a violation on the whole body is "body". */
    private static String field(ConstraintViolation<?> violation) {
        String name = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name;
    }
}
