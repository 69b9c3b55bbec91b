package id.narasiahli.platform.boundary;

import id.narasiahli.platform.control.ApiTypes;
import id.narasiahli.platform.control.SchemaReferences;
import jakarta.annotation.security.PermitAll;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Completes the document Payara builds from the annotations with what only the Java code knows, so generated
 * clients work (registered by {@code mp.openapi.filter}): one tag per resource class, unique operation ids, success
 * responses typed from the methods' return types (also where an {@code @APIResponse} left the content out), dates
 * as {@code format: date}/{@code date-time}, integers as {@code int32}/{@code int64}, {@code required} from Bean
 * Validation, one {@code Problem} schema for every error response, {@code security: []} on public operations and a
 * relative server. src/site/markdown/api-contract.md describes the result.
 */
public class OpenApiContract implements OASFilter {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ApiTypes types = new ApiTypes();
        Map<String, ApiTypes.Endpoint> endpoints = types.endpoints(RestConfiguration.class);
        openAPI.setServers(List.of(OASFactory.createServer().url("/").description("This server")));
        dropPayaraEndpointList(openAPI);
        Map<String, Integer> ids = new HashMap<>();
        List<Runnable> naming = new ArrayList<>();
        Map<String, Tag> tags = new TreeMap<>();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                ApiTypes.Endpoint endpoint = endpoints.get(entry.getKey() + " " + path.getKey());
                if (endpoint == null) {
                    continue;
                }
                String tag = endpoint.tag();
                tags.computeIfAbsent(tag, name -> OASFactory.createTag().name(name).description(endpoint.resourceDescription()));
                operation.setTags(List.of(tag));
                // Payara's writer leaves out empty lists, so "security: []" would vanish; one empty requirement
                // ("security: [{}]") says the same in OpenAPI: no credentials needed.
                operation.setSecurity(List.of(isPublic(endpoint.method()) ? OASFactory.createSecurityRequirement()
                        : OASFactory.createSecurityRequirement().addScheme(RestConfiguration.BEARER)));
                var annotation = endpoint.method().getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                String id = annotation != null && !annotation.operationId().isEmpty() ? annotation.operationId()
                        : endpoint.method().getName() + tag;
                operation.setOperationId(id);
                ids.merge(id, 1, Integer::sum);
                naming.add(() -> {
                    if (ids.get(operation.getOperationId()) > 1) {
                        operation.setOperationId(operation.getOperationId() + entry.getKey().name().charAt(0)
                                + entry.getKey().name().substring(1).toLowerCase());
                    }
                });
                parameters(operation, endpoint.method());
                Map<String, Schema> annotatedBody = types.annotations().requestBody(endpoint.method());
                if (annotatedBody.isEmpty()) {
                    requestBody(operation, types.bodySchemaOf(endpoint.method()));
                } else {
                    annotatedRequestBody(operation, annotatedBody);
                }
                responses(operation, entry.getKey(), path.getKey(), endpoint, types);
            }
        }
        naming.forEach(Runnable::run);
        openAPI.setTags(new ArrayList<>(tags.values()));
        types.completeSchemas(openAPI.getComponents());
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        SchemaReferences.dropUnused(openAPI);
    }

    /** Payara adds a non-standard top-level "endpoints" list; OpenAPI allows only x- extensions there. */
    private static void dropPayaraEndpointList(OpenAPI openAPI) {
        for (Method setter : openAPI.getClass().getMethods()) {
            if (setter.getName().equals("setEndpoints") && setter.getParameterCount() == 1) {
                try {
                    setter.invoke(openAPI, new TreeMap<String, Object>()); // null breaks Payara's clone of the model
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // nothing to drop
                }
            }
        }
    }

    static boolean isPublic(Method method) {
        return method.getDeclaringClass().isAnnotationPresent(PermitAll.class)
                && !method.isAnnotationPresent(jakarta.annotation.security.RolesAllowed.class);
    }

    /** The body as the method's annotations state it (Payara drops it for methods with form parameters). */
    private static void annotatedRequestBody(Operation operation, Map<String, Schema> content) {
        if (operation.getRequestBody() == null) {
            operation.setRequestBody(OASFactory.createRequestBody());
        }
        Content media = OASFactory.createContent();
        content.forEach((type, schema) -> media.addMediaType(type, OASFactory.createMediaType().schema(schema)));
        operation.getRequestBody().setContent(media);
        operation.getRequestBody().setRequired(true);
    }

    /** JSON request bodies typed from the Java parameter (multipart bodies keep their annotated schema). */
    private static void requestBody(Operation operation, Schema body) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null || body == null) {
            return;
        }
        operation.getRequestBody().setRequired(true);
        for (Map.Entry<String, MediaType> media : operation.getRequestBody().getContent().getMediaTypes().entrySet()) {
            String type = media.getKey();
            if (type.equals("application/json") || type.endsWith("+json")) {
                if (media.getValue().getSchema() == null || media.getValue().getSchema().getRef() == null
                        || body.getRef() != null) {
                    media.getValue().setSchema(body);
                }
            }
        }
    }

    /** Paging and id parameters are read as text so that the server can answer a bad value with a 400 naming it. */
    private static void parameters(Operation operation, Method method) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            Schema schema = parameter.getSchema();
            if (schema == null) {
                continue;
            }
            if (List.of("limit", "offset").contains(parameter.getName()) && parameter.getIn() == Parameter.In.QUERY) {
                schema.setType(Schema.SchemaType.INTEGER);
                schema.setFormat("int32");
                schema.setMinimum(java.math.BigDecimal.ZERO);
            } else if (schema.getType() == Schema.SchemaType.INTEGER && schema.getFormat() == null) {
                schema.setFormat("int32");
            }
        }
    }

    private static void responses(Operation operation, PathItem.HttpMethod verb, String path, ApiTypes.Endpoint endpoint,
                                  ApiTypes types) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, APIResponse> all = responses.getAPIResponses() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(responses.getAPIResponses());
        APIResponse fallback = all.remove(APIResponses.DEFAULT);
        boolean success = all.keySet().stream().anyMatch(code -> code.startsWith("2"));
        Schema returned = types.schemaOf(endpoint.method());
        // a method returning Response names its schemas in @APIResponse, which Payara inlined instead of referring to
        Map<String, Schema> annotated = returned == null ? types.annotations().responses(endpoint.method()) : Map.of();
        if (!success) {
            String code = returned == null && endpoint.method().getReturnType() == void.class ? "204" : "200";
            APIResponse ok = fallback != null ? fallback : OASFactory.createAPIResponse();
            ok.setDescription(code.equals("204") ? "Done" : "OK");
            if (code.equals("204")) {
                ok.setContent(null);
            }
            all.put(code, ok);
        }
        for (Map.Entry<String, APIResponse> response : all.entrySet()) {
            String code = response.getKey();
            APIResponse value = response.getValue();
            boolean noContent = value.getContent() == null || value.getContent().getMediaTypes() == null
                    || value.getContent().getMediaTypes().isEmpty();
            if (code.startsWith("2") && annotated.containsKey(code)) {
                Content content = OASFactory.createContent();
                Map<String, MediaType> media = noContent ? Map.of(endpoint.produces(), OASFactory.createMediaType())
                        : value.getContent().getMediaTypes();
                // fresh media types: the ones Payara made can share their schema object with other operations
                media.keySet().forEach(type -> content.addMediaType(type, OASFactory.createMediaType().schema(annotated.get(code))));
                value.setContent(content);
            } else if (code.startsWith("2") && !code.equals("204") && noContent && returned != null) {
                value.setContent(OASFactory.createContent().addMediaType(endpoint.produces(),
                        OASFactory.createMediaType().schema(returned)));
            } else if (code.startsWith("2") && !noContent && returned != null) {
                // the Java return type wins: Payara names Page<T> only "Page"
                for (MediaType media : value.getContent().getMediaTypes().values()) {
                    media.setSchema(returned);
                }
            }
        }
        boolean secured = !isPublic(endpoint.method());
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            all.putIfAbsent("400", error("Invalid request: the problem's errors name each field"));
        }
        if (secured) {
            all.putIfAbsent("401", error("No valid bearer token"));
            all.putIfAbsent("403", error("Not allowed for this account or role"));
        }
        if (path.contains("{")) {
            all.putIfAbsent("404", error("No such resource, or not yours"));
        }
        if (operation.getRequestBody() != null) {
            all.putIfAbsent("415", error("Unsupported Content-Type"));
        }
        all.put(APIResponses.DEFAULT, error("Any other error (503 while the database is unreachable)"));
        for (Map.Entry<String, APIResponse> response : all.entrySet()) {
            if (!response.getKey().startsWith("2") && !response.getKey().startsWith("3")) {
                response.getValue().setContent(problemContent());
            }
        }
        responses.setAPIResponses(new TreeMap<>(all));
    }

    private static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(id.narasiahli.platform.control.Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("The JSON field or parameter, e.g. graduationYear; 'body' for the whole body"))
                .addProperty("message", text)
                .required(List.of("field", "message"));
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri-reference"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}
