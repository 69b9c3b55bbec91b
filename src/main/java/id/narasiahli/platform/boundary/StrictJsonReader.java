package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.JsonShape;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Every JSON request body passes {@link JsonShape} before JSON-B or JSON-P reads it, so a body that JSON-B would
 * coerce, or that PostgreSQL would refuse with an error, is a 400 naming the field. The size is bounded before this
 * runs (the container's limit on the request), so reading the body whole is fine.
 */
@Provider
public class StrictJsonReader implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !isJson(type) || context.getType() == String.class) {
            // a body taken as text is checked by the operation that reads it (the schema admin API, inside its
            // audit, so that a malformed request is recorded too: schema.operations.control.RequestBody)
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        JsonShape.check(body, context.getGenericType());
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase();
        return "application".equalsIgnoreCase(type.getType()) && (subtype.equals("json") || subtype.endsWith("+json"));
    }
}
