package id.narasiahli.aichat.boundary;

import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** AI usage summary: your own, or (administrators) any user's. */
@ApplicationScoped
@Path("ai-usage")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class AiUsageResource {

    /** Without from/to: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;

    @Inject
    AiUsage usage;

    @Inject
    CurrentUser currentUser;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Sessions, messages, logs and total duration (seconds) over the days from..to (UTC, inclusive)")
    @APIResponse(responseCode = "400", description = "from/to not dates (YYYY-MM-DD) or to before from")
    @APIResponse(responseCode = "403", description = "userId of someone else without the ADMIN role")
    public UsageSummary summary(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("userId") Integer userId) {
        int me = currentUser.id();
        if (userId != null && userId != me && !security.isUserInRole("ADMIN")) {
            throw ApiException.forbidden("not-your-usage", "Only an administrator may read the usage of another user (userId)");
        }
        LocalDate end = date("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = date("from", from, end.minusDays(DEFAULT_DAYS - 1));
        return usage.summary(userId == null ? me : userId, start, end);
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date as YYYY-MM-DD");
        }
    }
}
