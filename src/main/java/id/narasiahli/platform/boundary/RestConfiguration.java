package id.narasiahli.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under /api. Callers authenticate with a bearer JWT (issued by /api/auth/login) that
 * accounts.boundary.BearerAuthentication verifies; {@code @RolesAllowed} on resources decides the rest
 * (accounts.boundary.RoleCheck). Not Payara's MicroProfile JWT mechanism ({@code @LoginConfig}): it made every
 * request pay for Jakarta Authentication (src/site/markdown/performance.md, "Sixth round").
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Narasi Ahli API", version = "1",
        description = "Expert profiles, the expert directory, accounts and privacy. Errors are RFC 9457 problem documents."))
@SecurityScheme(securitySchemeName = RestConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Access token from POST /api/auth/login or /api/auth/refresh")
public class RestConfiguration extends Application {

    public static final String BEARER = "bearer";

    /**
     * No WADL: /openapi describes the API, and building Jersey's WADL support (a JAXB context) cost every
     * deployment about 50 ms (src/site/markdown/performance.md, "Startup").
     */
    private static final Map<String, Object> PROPERTIES = Map.of("jersey.config.server.wadl.disableWadl", true);

    @Override
    public Map<String, Object> getProperties() {
        return PROPERTIES;
    }
}
