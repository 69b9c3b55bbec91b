package id.narasiahli.profiles.boundary;

import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.Map;

/** The public expert directory; no token needed. */
@ApplicationScoped
@Path("experts")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ExpertsResource {

    @Inject
    Experts experts;

    @GET
    @Operation(summary = "Search experts by name (word prefixes), last job title (prefix) and degree; ordered by name")
    public Page<Experts.Summary> search(
            @Parameter(description = "words that start words of the name") @QueryParam("q") String q,
            @Parameter(description = "start of the last job title, any case") @QueryParam("jobTitle") String jobTitle,
            @Parameter(description = "degree, any case") @QueryParam("degree") String degree,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        PageRequest page = PageRequest.of(limit, offset, null, Map.of("fullName", "fullName"), "fullName");
        return experts.search(q, jobTitle, degree, page);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Public profile of an expert with education, work and journals")
    public Experts.PublicProfile get(@PathParam("id") int id) {
        return experts.profile(id);
    }
}
