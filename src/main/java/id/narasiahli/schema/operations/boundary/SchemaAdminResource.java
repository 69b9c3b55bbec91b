package id.narasiahli.schema.operations.boundary;

import id.narasiahli.accounts.control.Caller;
import id.narasiahli.accounts.control.CurrentUser;
import id.narasiahli.platform.boundary.RestConfiguration;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.ClientAddress;
import id.narasiahli.schema.backup.BackupRecord;
import id.narasiahli.platform.control.Page;
import id.narasiahli.schema.operations.control.Actor;
import id.narasiahli.schema.operations.control.OperationAudit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/**
 * Schema operations for administrators: what is applied and pending, the SQL of what would run, applying,
 * rolling back with a confirmed preview, tags, validation, the migration lock, and adopting a database
 * made without Liquibase. Bodies are read by the operations themselves, so malformed ones are audited too.
 */
@Path("admin/schema")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = RestConfiguration.BEARER)
public class SchemaAdminResource {

    @Inject
    SchemaInspector inspector;

    @Inject
    SchemaOperations operations;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @Inject
    ClientAddress clientAddress;

    // The bodies as the document shows them. The operations read the text themselves (control.RequestBody), strictly,
    // so that a malformed request is audited too; these classes only describe it.

    @Schema(name = "SchemaScope", description = "Exactly one of all (true: every pending changeset), toTag (up to and"
            + " including the changeset that sets the tag) and count (this many); an empty body is refused, never taken as all")
    public static class Scope {
        public Boolean all;
        public String toTag;
        @Min(1) public Integer count;
    }

    @Schema(name = "RepairRequest", description = "all (true) or toTag, as for apply; dryRun true only shows the SQL that would"
            + " record them")
    public static class Repair {
        public Boolean all;
        public String toTag;
        public Boolean dryRun;
    }

    @Schema(name = "RollbackTarget", description = "toTag (roll back what was applied after the changeset carrying it) or"
            + " count (this many of the last applied)")
    public static class RollbackTarget {
        public String toTag;
        @Min(1) public Integer count;
    }

    @Schema(name = "RollbackRequest", description = "The target of the preview, the confirmationToken it gave and, in the"
            + " production contexts (the preview's passwordRequired), the administrator's own password")
    public static class Rollback {
        public String toTag;
        @Min(1) public Integer count;
        @NotNull public String confirmationToken;
        @Schema(format = "password", maxLength = 128)
        public String password;
    }

    @Schema(name = "TagRequest")
    public static class TagRequest {
        @NotNull
        @Schema(description = "Letters, digits, '.', '_' or '-'", maxLength = 255, pattern = "[A-Za-z0-9._-]+")
        public String tag;
    }

    @GET
    @Path("status")
    @Operation(summary = "Applied and pending changesets, tags, checksums, the lock, unexpected changesets; never waits for the lock")
    public SchemaViews.Status status() {
        return inspector.status();
    }

    @GET
    @Path("history")
    @Operation(summary = "Applied changesets in order: date, execution type, checksum, tag, deployment id, duration")
    public List<SchemaViews.Applied> history() {
        return inspector.history();
    }

    @POST
    @Path("dry-run")
    @Operation(summary = "The SQL pending changesets would run ({\"all\": true}, {\"toTag\"} or {\"count\"}); writes nothing")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Scope.class)))
    @APIResponse(responseCode = "400", description = "Unknown tag, count above the pending ones, malformed body")
    public SchemaViews.DryRun dryRun(String body) {
        return operations.dryRun(actor(), body);
    }

    @POST
    @Path("apply")
    @Operation(summary = "Apply pending changesets ({\"all\": true}, {\"toTag\"} or {\"count\"}); readiness follows without a restart")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Scope.class)))
    @APIResponse(responseCode = "400", description = "No scope given (all, toTag or count), unknown tag, count above the pending ones, malformed body")
    @APIResponse(responseCode = "409", description = "Lock held elsewhere, checksums invalid, or a changeset failed")
    public SchemaViews.ApplyResult apply(String body) {
        return operations.apply(actor(), body);
    }

    @POST
    @Path("rollback/preview")
    @Operation(summary = "The SQL of rolling back ({\"toTag\"} or {\"count\"}) and the token that confirms it")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RollbackTarget.class)))
    @APIResponse(responseCode = "409", description = "A changeset to roll back has no rollback (named)")
    public SchemaViews.RollbackPreview previewRollback(String body) {
        return operations.previewRollback(actor(), body);
    }

    @POST
    @Path("rollback")
    @Operation(summary = "Run a previewed rollback: the same target plus {\"confirmationToken\"} from the preview and, in the"
            + " production contexts, {\"password\"}: the administrator's own password (the preview says passwordRequired)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Rollback.class)))
    @APIResponse(responseCode = "400", description = "password missing where it is required (named)")
    @APIResponse(responseCode = "403", description = "Wrong password (password-mismatch); nothing was rolled back")
    @APIResponse(responseCode = "409", description = "Wrong, used, expired or stale token; the database changed since the preview")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords, as for a login")
    public SchemaViews.RollbackResult rollback(String body) {
        return operations.rollback(actor(), body, clientAddress.of(request));
    }

    @GET
    @Path("tags")
    @Operation(summary = "Tags in the database, oldest first, with the changeset each is on")
    public List<SchemaViews.Tag> tags() {
        return inspector.tags();
    }

    @GET
    @Path("tags/{tag}")
    @Operation(summary = "One tag")
    public SchemaViews.Tag tag(@PathParam("tag") String tag) {
        return inspector.tags().stream().filter(t -> t.tag().equalsIgnoreCase(tag)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Tag '" + tag + "'"));
    }

    @POST
    @Path("tags")
    @Operation(summary = "Tag the current state: {\"tag\": \"release-1.4\"}")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TagRequest.class)))
    @APIResponse(responseCode = "201", description = "Tagged; Location names the tag",
            content = @Content(schema = @Schema(implementation = SchemaViews.Tag.class)))
    @APIResponse(responseCode = "409", description = "Tag exists, or nothing applied")
    public Response createTag(String body) {
        SchemaViews.Tag tagged = operations.tag(actor(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(tagged.tag()).build()).entity(tagged).build();
    }

    @GET
    @Path("validation")
    @Operation(summary = "Checksum mismatches of applied changesets and other changelog errors, each named")
    public SchemaViews.ValidationReport validation() {
        return inspector.validation();
    }

    @GET
    @Path("locks")
    @Operation(summary = "Who holds the migration lock, since when")
    public SchemaViews.Locks locks() {
        return inspector.locks();
    }

    @GET
    @Path("backups")
    @Operation(summary = "Table-level backups (narasi_backup): rows a destructive change or rollback removed, kept for narasi.schema.backup-retention-days")
    public List<BackupRecord> backups() {
        return operations.backups();
    }

    @POST
    @Path("backups/{id}/restore")
    @Operation(summary = "Put a table-level backup's rows back, once the schema has its table (or column) again")
    @APIResponse(responseCode = "409", description = "The table or column does not exist (yet), or the backup was restored already")
    public BackupRecord restoreBackup(@PathParam("id") long id) {
        return operations.restoreBackup(actor(), id);
    }

    @DELETE
    @Path("locks")
    @Operation(summary = "Release the migration lock, whoever holds it (for a lock a dead instance left behind)")
    public SchemaViews.LockRelease releaseLocks() {
        return operations.releaseLocks(actor());
    }

    @POST
    @Path("repair")
    @Operation(summary = "Mark pending changesets ({\"all\": true} or {\"toTag\"}) as applied without running them; {\"dryRun\": true} shows the SQL")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Repair.class)))
    public SchemaViews.RepairResult repair(String body) {
        return operations.repair(actor(), body);
    }

    @GET
    @Path("audit")
    @Operation(summary = "Schema operations run through this API: who, what, when, outcome; newest first")
    public Page<OperationAudit.Entry> audit(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                            @QueryParam("sort") String sort) {
        return inspector.audit(limit, offset, sort);
    }

    private Actor actor() {
        Caller caller = currentUser.caller();
        return new Actor(caller.id(), caller.name());
    }
}
