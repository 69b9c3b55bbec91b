package id.narasiahli.files.boundary;

import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.files.entity.StoredFile;
import id.narasiahli.platform.boundary.RestConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Downloads of uploaded files; the path is what certificate_image and file_url hold. */
@ApplicationScoped
@Path("files")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
public class FilesResource {

    @Inject
    FileStore files;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{id}")
    @Operation(summary = "Download a file you uploaded or that was sent in one of your conversations")
    @APIResponse(responseCode = "200", description = "The file, with its detected content type",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such file, or not yours to see")
    public Response download(@PathParam("id") String id) {
        StoredFile file = files.readable(id, currentUser.id());
        String name = file.fileName() == null ? "file" : file.fileName();
        return Response.ok(file.data(), file.contentType())
                .header("Content-Length", file.byteSize())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
