package id.narasiahli.observability.control;

import id.narasiahli.platform.control.ApiException;

/** The database could not be reached: 503 with Retry-After, never 500. */
public class DatabaseUnavailable extends ApiException {

    public DatabaseUnavailable(String detail) {
        super(503, "database-unavailable", "Service unavailable", detail, null, 10L);
    }
}
