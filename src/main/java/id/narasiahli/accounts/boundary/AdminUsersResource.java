package id.narasiahli.accounts.boundary;

import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
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

/** Administrators: the list of accounts. */
@ApplicationScoped
@Path("admin/users")
@RolesAllowed("ADMIN")
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    @Inject
    UserDirectory users;

    @GET
    @Operation(summary = "List accounts (sort: createdAt, email; '-' for descending); ADMIN only")
    public Page<UserDirectory.Account> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                            @QueryParam("sort") String sort) {
        return users.list(PageRequest.of(limit, offset, sort, UserDirectory.SORT, "createdAt"));
    }
}
