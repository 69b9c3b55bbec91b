package id.narasiahli.platform.control;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The component schemas the operations use, directly or through other schemas. Payara registers a schema for every
 * class its scanner meets (Page, a form described for one operation, a class used only for validation); one that
 * nothing refers to is noise to a reader and an unused model in every generated client.
 */
public final class SchemaReferences {

    private static final String PREFIX = "#/components/schemas/";

    private SchemaReferences() {
    }

    /** Removes the component schemas no operation reaches. */
    public static void dropUnused(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null
                || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        List<Schema> todo = new ArrayList<>(); // nulls too: a schema without items has none
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
                    todo.add(parameter.getSchema());
                    content(parameter.getContent(), todo);
                }
                if (operation.getRequestBody() != null) {
                    content(operation.getRequestBody().getContent(), todo);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        content(response.getContent(), todo);
                    }
                }
            }
        }
        Set<String> used = new HashSet<>();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema schema = todo.remove(todo.size() - 1);
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
                String name = schema.getRef().substring(PREFIX.length());
                if (used.add(name)) {
                    todo.add(components.get(name));
                }
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            todo.add(schema.getItems());
            todo.add(schema.getAdditionalPropertiesSchema());
            todo.add(schema.getNot());
            for (List<Schema> composed : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (composed != null) {
                    todo.addAll(composed);
                }
            }
        }
        for (String name : List.copyOf(components.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static void content(Content content, List<Schema> todo) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> todo.add(media.getSchema()));
        }
    }
}
