package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * TRACE would echo the request (headers included) from servlets such as /openapi. The listener lets it reach the
 * application (post-boot {@code trace-enabled=true}) only so that this filter can refuse it with a problem document
 * instead of the container's empty 405.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TraceRefusal extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"TRACE".equalsIgnoreCase(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problem.http(405, "Method Not Allowed", "TRACE is not supported",
                request.getRequestURI()).toJson().toString());
    }
}
