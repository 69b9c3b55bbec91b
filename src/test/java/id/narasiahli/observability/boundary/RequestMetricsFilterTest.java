package id.narasiahli.observability.boundary;

import id.narasiahli.conversations.boundary.ConversationsResource;
import id.narasiahli.retention.boundary.RetentionResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Route templates come from the @Path annotations: the application path, the class, the method; never a concrete URL. */
class RequestMetricsFilterTest {

    @Test
    void theRouteIsTheTemplateOfTheMatchedResourceMethod() throws Exception {
        assertEquals("/api/conversations/{id}/messages", RequestMetricsFilter.route(ConversationsResource.class, method(ConversationsResource.class, "sendText")));
        assertEquals("/api/conversations", RequestMetricsFilter.route(ConversationsResource.class, method(ConversationsResource.class, "list")));
        assertEquals("/api/admin/retention/run", RequestMetricsFilter.route(RetentionResource.class, RetentionResource.class.getMethod("run")));
    }

    @Test
    void aProxySubclassAndARegexParameterGiveTheSameRoute() throws Exception {
        assertEquals("/api/things/{id}/parts", RequestMetricsFilter.route(Proxy.class, Proxy.class.getMethod("parts", int.class)));
    }

    @Test
    void aRequestThatMatchedNoResourceIsUnmatched() {
        assertEquals(RequestMetricsFilter.UNMATCHED, RequestMetricsFilter.route(null, null));
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not on " + type));
    }

    @Path("/things/")
    public static class Things {
        @GET
        @Path("{id: [0-9]+}/parts")
        public String parts(int id) {
            return "";
        }
    }

    /** What a CDI container puts in front of a resource: a subclass without the annotations. */
    public static class Proxy extends Things {
        @Override
        public String parts(int id) {
            return "";
        }
    }
}
