package id.narasiahli.files.control;

import id.narasiahli.platform.control.ApiException;
import org.apache.tika.Tika;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** An upload read with a size cap and recognised by its bytes. */
public record UploadedContent(byte[] bytes, String contentType) {

    /**
     * Built on first use: Tika reads its MIME-type database (about 0.15 s), and the EJB container initialises
     * this class while it deploys, on the startup's critical path (src/site/markdown/performance.md, "Startup").
     */
    private static final class Detector {
        static final Tika TIKA = new Tika();
    }

    /**
     * Reads at most {@code maxBytes} (413 beyond, before anything is stored) and detects the type from the
     * content; a type outside {@code allowed} is 415.
     */
    public static UploadedContent read(InputStream in, long maxBytes, Set<String> allowed) {
        byte[] bytes = readCapped(in, maxBytes);
        if (bytes.length == 0) {
            throw ApiException.invalid("file", "is empty");
        }
        String type = Detector.TIKA.detect(bytes);
        if (!allowed.contains(type)) {
            throw ApiException.unsupportedMediaType("The file's content is " + type + "; accepted: " + String.join(", ", allowed));
        }
        return new UploadedContent(bytes, type);
    }

    private static byte[] readCapped(InputStream in, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw ApiException.payloadTooLarge("The file is larger than the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
        return out.toByteArray();
    }
}
