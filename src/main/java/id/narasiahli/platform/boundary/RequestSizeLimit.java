package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.ApiException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the limits with 413 before anything parses them: a multipart body over
 * {@code narasi.http.max-upload-bytes} (default 11 MiB: the 10 MiB attachment cap plus its form fields),
 * any other body over {@code narasi.http.max-body-bytes} (default 1 MiB; the largest field, an AI message of
 * 100,000 characters, fits). A declared Content-Length over the limit is refused without reading a byte; a
 * body without one (chunked) is read only up to the limit, so an oversized upload never reaches a
 * temporary file or the database.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "narasi.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "narasi.http.max-upload-bytes", defaultValue = "11534336")
    long maxUploadBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean multipart = type != null && "multipart".equalsIgnoreCase(type.getType());
        long limit = multipart ? maxUploadBytes : maxBodyBytes;
        if (request.getLength() > limit) {
            throw tooLarge(limit, multipart);
        }
        if (multipart) {
            request.setEntityStream(new Capped(request.getEntityStream(), limit, tooLarge(limit, true)));
            return;
        }
        // Small enough to hold: read it here, so that an oversized chunked body is answered 413 from this filter.
        byte[] body = request.getEntityStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            throw tooLarge(limit, false);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static ApiException tooLarge(long limit, boolean multipart) {
        return ApiException.payloadTooLarge("The request body is larger than the limit of " + limit + " bytes for "
                + (multipart ? "uploads (narasi.http.max-upload-bytes)" : "requests (narasi.http.max-body-bytes)"));
    }

    /** Fails the read that would pass {@code limit}. */
    private static final class Capped extends FilterInputStream {

        private final long limit;
        private final ApiException failure;
        private long read;

        Capped(InputStream in, long limit, ApiException failure) {
            super(in);
            this.limit = limit;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw failure;
            }
        }
    }
}
