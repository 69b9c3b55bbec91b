package id.narasiahli.observability.boundary;

import id.narasiahli.observability.control.AppMetrics;
import id.narasiahli.platform.boundary.RestConfiguration;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Times every API request and counts it by method, route template ({@code /api/conversations/{id}/messages}) and
 * status class. The template comes from the matched resource's {@code @Path} annotations, so a concrete id never
 * becomes a tag value; a request that matched no resource is counted under {@link #UNMATCHED}.
 */
@Provider
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String UNMATCHED = "unmatched";
    private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";
    /** {@code {id: [0-9]+}} is the same route as {@code {id}}. */
    private static final Pattern REGEX_PARAMETER = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*:[^}]*}");

    @Context
    ResourceInfo resource;

    @Inject
    AppMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (started instanceof Long start) {
            metrics.request(request.getMethod(), cachedRoute(resource.getResourceClass(), resource.getResourceMethod()),
                    response.getStatus(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private record Resource(Class<?> type, Method method) {
    }

    /** Resource methods are fixed at deployment: each one's route is worked out (reflection, a regex) once. */
    private static final Map<Resource, String> ROUTES = new ConcurrentHashMap<>();

    private static String cachedRoute(Class<?> type, Method method) {
        return type == null || method == null ? UNMATCHED : ROUTES.computeIfAbsent(new Resource(type, method),
                r -> route(r.type(), r.method()));
    }

    /** The route template of a resource method, from the application path down. */
    static String route(Class<?> type, Method method) {
        if (type == null || method == null) {
            return UNMATCHED;
        }
        StringBuilder route = new StringBuilder();
        append(route, RestConfiguration.class.getAnnotation(ApplicationPath.class).value());
        // A CDI proxy subclass carries no @Path (it is not inherited): read the class that declares it.
        Class<?> declaring = type;
        while (declaring != null && !declaring.isAnnotationPresent(Path.class)) {
            declaring = declaring.getSuperclass();
        }
        if (declaring == null) {
            return UNMATCHED;
        }
        append(route, declaring.getAnnotation(Path.class).value());
        Path onMethod = pathOf(declaring, method);
        if (onMethod != null) {
            append(route, onMethod.value());
        }
        return route.length() == 0 ? "/" : REGEX_PARAMETER.matcher(route).replaceAll("{$1}");
    }

    private static Path pathOf(Class<?> declaring, Method method) {
        try {
            return declaring.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(Path.class);
        } catch (NoSuchMethodException e) {
            return method.getAnnotation(Path.class);
        }
    }

    private static void append(StringBuilder route, String segment) {
        String trimmed = segment.replaceAll("^/+|/+$", "");
        if (!trimmed.isEmpty()) {
            route.append('/').append(trimmed);
        }
    }
}
