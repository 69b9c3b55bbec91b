package id.narasiahli.profiles.boundary;

import id.narasiahli.accounts.boundary.AuthResource;
import id.narasiahli.platform.control.Problem;
import id.narasiahli.accounts.boundary.Authentication;
import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.accounts.control.PasswordPolicy;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.ClientAddress;
import id.narasiahli.privacy.boundary.AccountErasure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's own profile and account. */
@ApplicationScoped
@Path("me")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class MeResource {

    @Inject
    Profiles profiles;

    @Inject
    ProfileViews profileViews;

    @Inject
    AccountErasure erasure;

    @Inject
    Authentication authentication;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    /** A class, not a record: see AuthResource on Payara's OpenAPI scanner. */
    public static class DeleteAccountRequest {
        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH)
        public String password;
    }

    /** A class, not a record: see AuthResource on Payara's OpenAPI scanner. */
    public static class ChangePasswordRequest {
        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH)
        public String currentPassword;
        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH)
        public String newPassword;
    }

    @GET
    @Operation(summary = "My profile, with profileCompletion (percent) and the parts still missing")
    public Profiles.Profile get() {
        return profileViews.view(currentUser.id());
    }

    @PATCH
    @Operation(summary = "Change profile fields (JSON merge patch: null clears a field). Phone and WhatsApp numbers are E.164."
            + " Changing the email needs the current password in the member currentPassword.")
    @APIResponse(responseCode = "200", description = "The changed profile")
    @APIResponse(responseCode = "400", description = "Invalid or unknown field, or currentPassword missing for an email change")
    @APIResponse(responseCode = "403", description = "Wrong currentPassword")
    @APIResponse(responseCode = "409", description = "Email already registered")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords; see Retry-After")
    public Profiles.Profile patch(@NotNull JsonObject patch) {
        return profiles.patch(currentUser.id(), patch, clientAddress.of(request));
    }

    @POST
    @Path("password")
    @Operation(summary = "Change my password (requires the current one); every other session is signed out")
    @APIResponse(responseCode = "200", description = "New tokens for this session; all earlier refresh tokens are revoked")
    @APIResponse(responseCode = "400", description = "The new password does not meet the policy")
    @APIResponse(responseCode = "403", description = "Wrong current password")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords; see Retry-After")
    public AuthResource.TokenResponse changePassword(@Valid @NotNull ChangePasswordRequest body) {
        return AuthResource.TokenResponse.of(authentication.changePassword(currentUser.id(), body.currentPassword,
                body.newPassword, clientAddress.of(request)));
    }

    @POST
    @Path("deletion")
    @Operation(operationId = "deleteAccount",
            summary = "Delete my account and everything that belongs to it (requires my current password)")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}) // nothing on success: see platform.control.ApiTypesTest
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Wrong password")
    public void deleteAccount(@Valid @NotNull DeleteAccountRequest body) {
        erasure.erase(currentUser.id(), body.password, clientAddress.of(request));
    }

    /** The first route; a DELETE with a body is refused by some proxies and clients, hence POST /api/me/deletion. */
    @DELETE
    @Operation(operationId = "deleteAccountWithDelete", deprecated = true,
            summary = "Same as POST /api/me/deletion; a body on DELETE does not pass every proxy or client")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}) // nothing on success: see platform.control.ApiTypesTest
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Wrong password")
    public void delete(@Valid @NotNull DeleteAccountRequest body) {
        deleteAccount(body);
    }
}
