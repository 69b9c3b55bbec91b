package id.narasiahli.console.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Security headers on every console response, set before the chain runs so the welcome-file redirect and
 * error pages carry them too. The policy allows only the console's own files and calls to this origin: no
 * inline script or style (an injected string cannot run), no framing (no clickjacking of the rollback button),
 * no plugins, no foreign form targets. The token lives in the page's session storage, never in a cookie, so
 * there is nothing for a cross-site request to ride on.
 */
@WebFilter(urlPatterns = "/console/*", asyncSupported = true)
public class ConsoleHeadersFilter extends HttpFilter {

    static final String POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // For browsers that predate frame-ancestors.
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        // Always revalidate: a deployment must not leave an old script talking to a new API.
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
