package id.narasiahli.profiles.boundary;

import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.platform.control.Problem;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import id.narasiahli.profiles.entity.WorkHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's work history. */
@ApplicationScoped
@Path("me/work")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkResource {

    @Inject
    Histories histories;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List my work entries (sort: startDate, companyName; '-' for descending)")
    public Page<Views.Work> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                 @QueryParam("sort") String sort) {
        PageRequest page = PageRequest.of(limit, offset, sort, Histories.WORK_SORT, "-startDate");
        Page<WorkHistory> found = histories.list(WorkHistory.class, currentUser.id(), page);
        return found.map(Views.Work::of);
    }

    @POST
    @Operation(summary = "Add a work entry (endDate empty while current)")
    @APIResponse(responseCode = "201", description = "Created; Location names the new entry",
            content = @Content(schema = @Schema(implementation = Views.Work.class)))
    public Response create(@Valid @NotNull Requests.Work body) {
        WorkHistory created = histories.saveWork(currentUser.id(), null, body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(Views.Work.of(created)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my work entries")
    public Views.Work get(@PathParam("id") int id) {
        return Views.Work.of(histories.find(WorkHistory.class, currentUser.id(), id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a work entry")
    public Views.Work update(@PathParam("id") int id, @Valid @NotNull Requests.Work body) {
        return Views.Work.of(histories.saveWork(currentUser.id(), id, body));
    }

    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}) // nothing on success: see platform.control.ApiTypesTest
    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(summary = "Delete a work entry")
    public void delete(@PathParam("id") int id) {
        histories.delete(WorkHistory.class, currentUser.id(), id);
    }
}
