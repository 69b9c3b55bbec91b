package id.narasiahli.conversations.boundary;

import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.conversations.entity.ChatMessage;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.JsonShape;
import id.narasiahli.platform.control.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** One-to-one conversations and their messages. */
@ApplicationScoped
@Path("conversations")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    @Inject
    Conversations conversations;

    @Inject
    MessagePages pages;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    // Request bodies with constraints are classes, not records: Payara's OpenAPI scanner fails on constraint
    // annotations of record components (see accounts.boundary.AuthResource).

    public static class OpenRequest {
        @NotNull
        public Integer participantId;
    }

    public static class TextMessage {
        @NotBlank @Size(max = ChatMessage.TEXT_LENGTH)
        public String text;
    }

    /** The parts of a multipart message, for the document only (the parts are read as EntityPart). */
    @Schema(hidden = true)
    public static class AttachmentForm {
        @NotNull
        public EntityPart file;
        @Schema(enumeration = {"image", "file", "audio"}, description = "Checked against the content; decided from it when missing")
        public String type;
        @Size(max = ChatMessage.TEXT_LENGTH)
        @Schema(description = "A caption")
        public String text;
    }

    public static class ReadRequest {
        @NotNull
        public Integer upToMessageId;
    }

    @POST
    @Operation(summary = "Get or create your conversation with another user")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = ConversationView.class)))
    @APIResponse(responseCode = "200", description = "The conversation already existed",
            content = @Content(schema = @Schema(implementation = ConversationView.class)))
    @APIResponse(responseCode = "400", description = "participantId missing or yourself")
    @APIResponse(responseCode = "404", description = "No such user")
    public Response open(@Valid @NotNull OpenRequest body) {
        Conversations.Opened opened = conversations.open(currentUser.id(), body.participantId);
        if (!opened.created()) {
            return Response.ok(opened.conversation()).build();
        }
        return Response.created(conversationUri(opened.conversation().id())).entity(opened.conversation()).build();
    }

    @GET
    @Operation(summary = "Your conversations, newest activity first, with the last message and your unread count")
    public Page<ConversationView> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return conversations.list(currentUser.id(), limit, offset);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of your conversations")
    @APIResponse(responseCode = "404", description = "No such conversation, or not yours")
    public ConversationView get(@PathParam("id") int id) {
        return conversations.get(currentUser.id(), id);
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "Messages, newest first; pass nextCursor as 'before' for the next (older) page")
    @APIResponse(responseCode = "404", description = "No such conversation, or not yours")
    public MessagePage messages(@PathParam("id") int id, @QueryParam("before") String before, @QueryParam("limit") String limit) {
        return pages.messages(currentUser.id(), id, before, limit);
    }

    @GET
    @Path("{id}/messages/{messageId}")
    @Operation(summary = "One message")
    public MessageView message(@PathParam("id") int id, @PathParam("messageId") int messageId) {
        return conversations.message(currentUser.id(), id, messageId);
    }

    @POST
    @Path("{id}/messages")
    @Operation(summary = "Send a text message")
    @APIResponse(responseCode = "201", description = "Sent")
    @APIResponse(responseCode = "404", description = "No such conversation, or not yours")
    public Response sendText(@PathParam("id") int id, @Valid @NotNull TextMessage body) {
        return created(conversations.sendText(currentUser.id(), id, body.text));
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "sendMessage", summary = "Send a message: a JSON body {text}, or multipart with part 'file' and optional parts 'type'"
            + " (image, file, audio) and 'text' (caption). The kind of a file is decided from its content, not its name")
    // Documented as JSON only: generators take one media type per operation, and the same form on two operations
    // makes openapi-generator import a model it never writes. The form is documented at .../attachments.
    @RequestBody(required = true, description = "The multipart form (a file) is also accepted here; it is documented at"
            + " POST /api/conversations/{id}/attachments", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TextMessage.class)))
    @APIResponse(responseCode = "201", description = "Sent; fileUrl is the authenticated download path of a file",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    public Response sendAttachment(@PathParam("id") int id, @FormParam("file") EntityPart file,
                                   @FormParam("type") EntityPart type, @FormParam("text") EntityPart caption) {
        if (file == null) {
            throw ApiException.invalid("file", "a multipart part named 'file' is required");
        }
        return created(conversations.sendAttachment(currentUser.id(), id, file.getContent(),
                file.getFileName().orElse(null), text("type", type), text("text", caption)));
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "sendAttachment", summary = "Send a file: the multipart form of POST .../messages on a path of its own,"
            + " for clients that take one media type per operation")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = AttachmentForm.class)))
    @APIResponse(responseCode = "201", description = "Sent; fileUrl is the authenticated download path",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "413", description = "Larger than narasi.chat.attachment-max-bytes")
    @APIResponse(responseCode = "415", description = "Content of a kind not accepted (or not of the requested type)")
    public Response sendFile(@PathParam("id") int id, @FormParam("file") EntityPart file,
                             @FormParam("type") EntityPart type, @FormParam("text") EntityPart caption) {
        return sendAttachment(id, file, type, caption);
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark the other participant's messages read, up to and including the given message")
    public ReadMark markRead(@PathParam("id") int id, @Valid @NotNull ReadRequest body) {
        return conversations.markRead(currentUser.id(), id, body.upToMessageId);
    }

    private Response created(MessageView message) {
        URI location = uri.getBaseUriBuilder().path("conversations").path(Integer.toString(message.conversationId()))
                .path("messages").path(Integer.toString(message.id())).build();
        return Response.created(location).entity(message).build();
    }

    private URI conversationUri(int id) {
        return uri.getBaseUriBuilder().path("conversations").path(Integer.toString(id)).build();
    }

    private static String text(String field, EntityPart part) {
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getContent()) {
            String text = new String(in.readNBytes(ChatMessage.TEXT_LENGTH * 4 + 1), StandardCharsets.UTF_8);
            JsonShape.characters(field, text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
