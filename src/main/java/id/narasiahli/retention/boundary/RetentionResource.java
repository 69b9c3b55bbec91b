package id.narasiahli.retention.boundary;

import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.retention.control.RetentionReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Runs retention now, exactly as the timer does: for operators, and for the tests. */
@ApplicationScoped
@Path("admin/retention")
@RolesAllowed("ADMIN")
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    Retention retention;

    @POST
    @Path("run")
    @Operation(summary = "Run retention now (ADMIN)")
    @APIResponse(responseCode = "200", description = "What was removed")
    @APIResponse(responseCode = "409", description = "Another instance is running retention right now")
    public RetentionReport run() {
        RetentionReport report = retention.run("admin");
        if (!report.ran()) {
            throw ApiException.conflict("retention-running", "Retention is running on another instance; try again shortly");
        }
        return report;
    }
}
