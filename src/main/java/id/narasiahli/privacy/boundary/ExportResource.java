package id.narasiahli.privacy.boundary;

import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.accounts.phonenumbers.control.PhoneNumbers;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.privacy.control.ExportSlots;
import id.narasiahli.privacy.control.PersonalDataExport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.SQLException;

/** Everything stored about the caller, as one JSON document streamed as it is read. */
@ApplicationScoped
@Path("me/export")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
public class ExportResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    DataSource dataSource;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    ExportSlots slots;

    @Context
    Request request;

    @PersistenceContext
    EntityManager em;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "One JSON document: tables of rows, each row as the database holds it, phone numbers decrypted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Operation(operationId = "exportMyData", summary = "Export all my data: profile, histories, journals, files, conversations and messages, AI chat sessions, messages and logs")
    @APIResponse(responseCode = "429", description = "An export of mine is still running, or too many are; see Retry-After")
    public Response export() {
        int userId = currentUser.id();
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized("The account no longer exists");
        }
        String email = User.normalizeEmail(user.email());
        if (HttpMethod.HEAD.equals(request.getMethod())) {
            return Response.ok().build(); // no body is written for HEAD, so no slot would ever be released
        }
        ExportSlots.Slot slot = slots.acquire(userId);
        StreamingOutput body = out -> {
            try (slot) {
                PersonalDataExport.write(dataSource, userId, email, (column, text) -> PhoneNumbers.COLUMNS.contains(column)
                        ? phoneNumbers.reveal(column, text) : text, out);
            } catch (SQLException e) {
                throw new IOException("Export of user " + userId + " failed", e);
            }
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"narasi-ahli-export-" + userId + ".json\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
