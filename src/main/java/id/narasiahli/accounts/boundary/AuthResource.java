package id.narasiahli.accounts.boundary;

import id.narasiahli.accounts.control.PasswordPolicy;
import id.narasiahli.platform.control.Problem;
import id.narasiahli.accounts.control.RefreshTokens;
import id.narasiahli.accounts.control.Tokens;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.ClientAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Accounts: register, log in, refresh the access token, log out. */
@ApplicationScoped
@Path("auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Authentication authentication;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    // Request bodies with constraints are classes, not records: Payara's OpenAPI scanner fails on constraint
    // annotations of record components (they also sit on the canonical constructor's parameters).

    public static class RegisterRequest {
        @NotBlank @Email @Size(max = User.EMAIL_LENGTH)
        public String email;
        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH)
        public String password;
        @NotBlank @Size(max = User.FULL_NAME_LENGTH)
        public String fullName;
    }

    public static class LoginRequest {
        @NotBlank @Size(max = User.EMAIL_LENGTH)
        public String email;
        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH)
        public String password;
    }

    public static class RefreshRequest {
        @NotBlank @Size(max = RefreshTokens.MAX_TOKEN_LENGTH)
        public String refreshToken;
    }

    public record AccountResponse(int id, String email, String fullName, String role) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                                long refreshExpiresIn) {

        public static TokenResponse of(Tokens tokens) {
            return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresInSeconds(), tokens.refreshToken(),
                    tokens.refreshExpiresInSeconds());
        }
    }

    @POST
    @Path("register")
    @Operation(operationId = "register", summary = "Create an account (role USER)")
    @APIResponse(responseCode = "201", description = "Created; Location is /api/me",
            content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "409", description = "Email already registered")
    public Response register(@Valid @NotNull RegisterRequest body) {
        User user = authentication.register(body.email, body.password, body.fullName);
        return Response.created(uri.getBaseUriBuilder().path("me").build())
                .entity(new AccountResponse(user.id(), user.email(), user.fullName(), user.role().name()))
                .build();
    }

    @POST
    @Path("login")
    @Operation(operationId = "login", summary = "Exchange email and password for an access token and a refresh token")
    @APIResponse(responseCode = "200", description = "Tokens")
    @APIResponse(responseCode = "401", description = "Wrong email or password")
    @APIResponse(responseCode = "429", description = "Too many failed logins; see Retry-After")
    public TokenResponse login(@Valid @NotNull LoginRequest body) {
        return TokenResponse.of(authentication.login(body.email, body.password, clientAddress.of(request)));
    }

    @POST
    @Path("refresh")
    @Operation(operationId = "refresh", summary = "Spend a refresh token for new tokens (rotation; reuse revokes the login)")
    @APIResponse(responseCode = "200", description = "Tokens")
    @APIResponse(responseCode = "401", description = "Invalid, expired, revoked or reused refresh token")
    public TokenResponse refresh(@Valid @NotNull RefreshRequest body) {
        return authentication.refresh(body.refreshToken).map(TokenResponse::of).orElseThrow(() ->
                ApiException.unauthorized("This refresh token was already used; all sessions of this login are revoked"));
    }

    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}) // nothing on success: see platform.control.ApiTypesTest
    @POST
    @Path("logout")
    @Operation(operationId = "logout", summary = "Revoke the refresh token and every token rotated from the same login")
    @APIResponse(responseCode = "204", description = "Revoked (also when the token was unknown)")
    public void logout(@Valid @NotNull RefreshRequest body) {
        authentication.logout(body.refreshToken);
    }
}
