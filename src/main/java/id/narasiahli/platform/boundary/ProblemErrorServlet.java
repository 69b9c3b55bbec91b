package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page for errors the container raises outside JAX-RS (for instance a request over the multipart size
 * limit, or a path no servlet serves): the same problem
 * document as everywhere else instead of the server's HTML page. Wired in WEB-INF/web.xml.
 */
@WebServlet("/problem")
public class ProblemErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = switch (status) {
            // the API's own 401s come from accounts.boundary (BearerAuthentication, RoleCheck) with their problem; this
            // page only covers one the container itself might raise, of which nothing more is known
            case 401 -> "Authentication is required";
            case 403 -> "Not allowed";
            case 404 -> "No such resource";
            case 413 -> "The request is too large";
            default -> status >= 500 ? "Something went wrong on our side" : null;
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(Problem.http(status, title, detail, uri == null ? null : uri.toString()).toJson().toString());
    }
}
