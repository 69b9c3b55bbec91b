package id.narasiahli.aichat.boundary;

import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.platform.control.Problem;
import id.narasiahli.aichat.entity.AiChatMessage;
import id.narasiahli.aichat.entity.AiChatSession;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** AI chat sessions and their messages; each caller sees only their own, never deleted ones. */
@ApplicationScoped
@Path("ai-sessions")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AiSessionsResource {

    @Inject
    AiChat aiChat;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    // Request bodies with constraints are classes, not records: Payara's OpenAPI scanner fails on constraint
    // annotations of record components (see accounts.boundary.AuthResource).

    public static class CreateSession {
        @NotBlank @Size(max = AiChatSession.TITLE_LENGTH)
        public String title;
        @Size(max = AiChatSession.AGENT_ID_LENGTH)
        public String agentId;
        @Size(max = AiChatSession.SESSION_ID_LENGTH)
        public String aiSessionId;
    }

    /** Either field may be left out; status is active or archived. */
    public static class UpdateSession {
        @Size(max = AiChatSession.TITLE_LENGTH)
        public String title;
        @Size(max = AiChatSession.STATUS_LENGTH)
        public String status;
    }

    public static class AppendMessage {
        @NotBlank @Size(max = AiChatMessage.MESSAGE_TYPE_LENGTH)
        public String messageType;
        @NotNull @Size(min = 1, max = AiChatMessage.CONTENT_LENGTH)
        public String content;
    }

    @POST
    @Operation(summary = "Start an AI session; aiSessionId is generated unless given")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AiSessionView.class)))
    @APIResponse(responseCode = "409", description = "aiSessionId already in use")
    public Response create(@Valid @NotNull CreateSession body) {
        AiSessionView session = aiChat.create(currentUser.id(), body.title, body.agentId, body.aiSessionId);
        return Response.created(uri.getBaseUriBuilder().path("ai-sessions").path(Integer.toString(session.id())).build())
                .entity(session).build();
    }

    @GET
    @Operation(summary = "Your sessions: active and archived, or only those of ?status=active|archived")
    public Page<AiSessionView> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                    @QueryParam("offset") String offset, @QueryParam("sort") String sort) {
        return aiChat.list(currentUser.id(), status, limit, offset, sort);
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "404", description = "No such session, deleted, or not yours")
    @Operation(summary = "One of my AI sessions")
    public AiSessionView get(@PathParam("id") int id) {
        return aiChat.get(currentUser.id(), id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Rename, archive (status archived) or reactivate (status active) a session")
    public AiSessionView update(@PathParam("id") int id, @Valid @NotNull UpdateSession body) {
        return aiChat.update(currentUser.id(), id, body.title, body.status);
    }

    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}) // nothing on success: see platform.control.ApiTypesTest
    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a session: hidden at once, purged with its messages and logs by retention")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") int id) {
        aiChat.delete(currentUser.id(), id);
    }

    @POST
    @Path("{id}/messages")
    @Operation(summary = "Append a user or assistant message to an active session")
    @APIResponse(responseCode = "201", description = "Appended; the session's messageCount counts it",
            content = @Content(schema = @Schema(implementation = AiMessageView.class)))
    @APIResponse(responseCode = "409", description = "The session is archived")
    public Response append(@PathParam("id") int id, @Valid @NotNull AppendMessage body) {
        AiMessageView message = aiChat.append(currentUser.id(), id, body.messageType, body.content);
        return Response.created(uri.getBaseUriBuilder().path("ai-sessions").path(Integer.toString(id)).path("messages")
                .path(Integer.toString(message.id())).build()).entity(message).build();
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "The session's messages, oldest first")
    public Page<AiMessageView> messages(@PathParam("id") int id, @QueryParam("limit") String limit,
                                        @QueryParam("offset") String offset) {
        return aiChat.messages(currentUser.id(), id, limit, offset);
    }

    @GET
    @Path("{id}/messages/{messageId}")
    @Operation(summary = "One message of an AI session")
    public AiMessageView message(@PathParam("id") int id, @PathParam("messageId") int messageId) {
        return aiChat.message(currentUser.id(), id, messageId);
    }
}
