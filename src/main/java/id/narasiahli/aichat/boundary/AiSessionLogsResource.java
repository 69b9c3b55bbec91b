package id.narasiahli.aichat.boundary;

import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.Instant;

/** Usage logs of one AI session: start, end (the server computes the duration), read. */
@ApplicationScoped
@Path("ai-sessions/{sessionId}/logs")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AiSessionLogsResource {

    @Inject
    AiUsage usage;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    /** Both optional: the server's clock is used when left out. */
    public record StartLog(Instant startDate) {
    }

    public record EndLog(Instant endDate) {
    }

    @POST
    @Operation(summary = "Start a usage log (now, or at startDate)")
    @APIResponse(responseCode = "201", description = "Started",
            content = @Content(schema = @Schema(implementation = AiLogView.class)))
    @APIResponse(responseCode = "409", description = "The session is archived")
    public Response start(@PathParam("sessionId") int sessionId, StartLog body) {
        AiLogView log = usage.start(currentUser.id(), sessionId, body == null ? null : body.startDate());
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(log.id())).build()).entity(log).build();
    }

    @POST
    @Path("{logId}/end")
    @Operation(summary = "End a usage log (now, or at endDate); totalDuration is computed in seconds")
    @APIResponse(responseCode = "400", description = "endDate before the start, or in the future")
    @APIResponse(responseCode = "409", description = "Already ended")
    public AiLogView end(@PathParam("sessionId") int sessionId, @PathParam("logId") int logId, EndLog body) {
        return usage.end(currentUser.id(), sessionId, logId, body == null ? null : body.endDate());
    }

    @GET
    @Operation(summary = "The session's usage logs, latest start first")
    public Page<AiLogView> list(@PathParam("sessionId") int sessionId, @QueryParam("limit") String limit,
                                @QueryParam("offset") String offset) {
        return usage.list(currentUser.id(), sessionId, limit, offset);
    }

    @GET
    @Path("{logId}")
    @Operation(summary = "One usage log")
    public AiLogView get(@PathParam("sessionId") int sessionId, @PathParam("logId") int logId) {
        return usage.get(currentUser.id(), sessionId, logId);
    }
}
