package id.narasiahli.platform.control;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * The one family of business errors. Each carries what its RFC 9457 problem says; the mapper in
 * platform.boundary turns it into {@code application/problem+json}. Unchecked and rolling back, so a
 * refused request changes nothing.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    /** The problem type of {@link #invalidToken}. */
    public static final String INVALID_TOKEN = "invalid-token";

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> fieldErrors;
    private final Long retryAfterSeconds;

    public record FieldError(String field, String message) {
    }

    protected ApiException(int status, String type, String title, String detail, List<FieldError> fieldErrors,
                           Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not found", what + " does not exist", null, null);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "validation-failed", "Invalid request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors, null);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad request", detail, null, null);
    }

    public static ApiException conflict(String type, String detail) {
        return new ApiException(409, type, "Conflict", detail, null, null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, null, null);
    }

    /** A bearer token that was sent but is not valid (RFC 6750's invalid_token). */
    public static ApiException invalidToken(String detail) {
        return new ApiException(401, INVALID_TOKEN, "Unauthorized", detail, null, null);
    }

    public static ApiException forbidden(String type, String detail) {
        return new ApiException(403, type, "Forbidden", detail, null, null);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "too-many-requests", "Too many requests", detail, null, retryAfterSeconds);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(413, "payload-too-large", "Payload too large", detail, null, null);
    }

    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(503, "service-unavailable", "Service unavailable", detail, null, retryAfterSeconds);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "unsupported-media-type", "Unsupported media type", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
