package id.narasiahli.privacy.boundary;

import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.platform.boundary.RestConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/** The caller's consents, one per purpose: directory-listing, ai-processing, marketing. */
@ApplicationScoped
@Path("me/consents")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class ConsentsResource {

    @Inject
    Consents consents;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "My consents: for each purpose whether it is granted, since when, and every earlier grant and withdrawal")
    public List<Consents.ConsentView> list() {
        return consents.of(currentUser.id());
    }

    @PUT
    @Path("{purpose}")
    @Operation(summary = "Agree to a purpose (idempotent)")
    @APIResponse(responseCode = "200", description = "All my consents after the change")
    @APIResponse(responseCode = "404", description = "No such purpose")
    public List<Consents.ConsentView> grant(@PathParam("purpose") String purpose) {
        return consents.grant(currentUser.id(), purpose);
    }

    @DELETE
    @Path("{purpose}")
    @Operation(summary = "Withdraw my consent to a purpose (idempotent); the grant stays in the history")
    @APIResponse(responseCode = "200", description = "All my consents after the change")
    @APIResponse(responseCode = "404", description = "No such purpose")
    public List<Consents.ConsentView> withdraw(@PathParam("purpose") String purpose) {
        return consents.withdraw(currentUser.id(), purpose);
    }
}
