package id.narasiahli.profiles.boundary;

import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.platform.control.Problem;
import id.narasiahli.files.control.UploadedContent;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import id.narasiahli.profiles.entity.EducationHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.Set;

/** The caller's education history, with certificate images. */
@ApplicationScoped
@Path("me/education")
@RolesAllowed({"USER", "ADMIN"})
@SecurityRequirement(name = RestConfiguration.BEARER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EducationResource {

    static final Set<String> CERTIFICATE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    @Inject
    Histories histories;

    @Inject
    CurrentUser currentUser;

    @Inject
    @ConfigProperty(name = "narasi.upload.certificate-max-bytes", defaultValue = "5242880")
    long certificateMaxBytes;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List my education entries (sort: graduationYear, educationLevel; '-' for descending)")
    public Page<Views.Education> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                      @QueryParam("sort") String sort) {
        PageRequest page = PageRequest.of(limit, offset, sort, Histories.EDUCATION_SORT, "-graduationYear");
        Page<EducationHistory> found = histories.list(EducationHistory.class, currentUser.id(), page);
        return found.map(Views.Education::of);
    }

    @POST
    @Operation(summary = "Add an education entry")
    @APIResponse(responseCode = "201", description = "Created; Location names the new entry",
            content = @Content(schema = @Schema(implementation = Views.Education.class)))
    public Response create(@Valid @NotNull Requests.Education body) {
        EducationHistory created = histories.saveEducation(currentUser.id(), null, body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(Views.Education.of(created)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my education entries")
    public Views.Education get(@PathParam("id") int id) {
        return Views.Education.of(histories.find(EducationHistory.class, currentUser.id(), id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an education entry")
    public Views.Education update(@PathParam("id") int id, @Valid @NotNull Requests.Education body) {
        return Views.Education.of(histories.saveEducation(currentUser.id(), id, body));
    }

    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}) // nothing on success: see platform.control.ApiTypesTest
    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted, with its certificate image")
    @Operation(summary = "Delete an education entry")
    public void delete(@PathParam("id") int id) {
        histories.delete(EducationHistory.class, currentUser.id(), id);
    }

    @POST
    @Path("{id}/certificate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload the certificate image (JPEG, PNG or WebP, recognised by content) as form field 'file'")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = "file",
            properties = @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary"))))
    @APIResponse(responseCode = "200", description = "certificateImage is the download path")
    @APIResponse(responseCode = "413", description = "Larger than narasi.upload.certificate-max-bytes")
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or WebP image")
    public Views.Education uploadCertificate(@PathParam("id") int id, @FormParam("file") EntityPart file) {
        if (file == null) {
            throw ApiException.invalid("file", "is required (multipart form field 'file')");
        }
        int userId = currentUser.id();
        histories.find(EducationHistory.class, userId, id); // someone else's entry: 404 before reading anything
        UploadedContent image = UploadedContent.read(file.getContent(), certificateMaxBytes, CERTIFICATE_TYPES);
        return Views.Education.of(histories.attachCertificate(userId, id, image, file.getFileName().orElse(null)));
    }
}
