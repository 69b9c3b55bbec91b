package id.narasiahli.schema.quality.boundary;

import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Administrators: migration lint and schema drift of the running deployment. */
@ApplicationScoped
@Path("admin/schema")
@RolesAllowed("ADMIN")
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class SchemaQualityResource {

    @Inject
    SchemaQuality quality;

    @GET
    @Path("lint")
    @Operation(summary = "Lint the pending changesets (scope=all: every changeset); ADMIN only")
    public SchemaQuality.LintReport lint(@QueryParam("scope") String scope) {
        if (scope != null && !scope.equals("pending") && !scope.equals("all")) {
            throw ApiException.invalid("scope", "must be pending or all");
        }
        return quality.lint("all".equals(scope));
    }

    @GET
    @Path("drift")
    @Operation(summary = "Live schema against the changelog (via a shadow database) and against the JPA mappings; ADMIN only")
    public SchemaQuality.DriftReport drift() {
        return quality.drift();
    }
}
