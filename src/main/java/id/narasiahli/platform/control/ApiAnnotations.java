package id.narasiahli.platform.control;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The schemas a resource method's OpenAPI annotations name, read again for the filter because Payara loses them in
 * two cases: it inlines {@code @Schema(implementation = X.class)} of an {@code @APIResponse} (so generators invent a
 * model per operation instead of using {@code X}), and it ignores {@code @RequestBody} on a method with
 * {@code @FormParam} parameters (writing {@code *}{@code /*: object} instead of the multipart form). An implementation
 * class becomes a {@code $ref} through {@code types} (which then also completes its component schema), except as a
 * multipart form, which is written out in place.
 */
public final class ApiAnnotations {

    private final Function<Type, Schema> types;
    private final Function<Class<?>, Schema> inline;

    public ApiAnnotations(Function<Type, Schema> types, Function<Class<?>, Schema> inline) {
        this.types = types;
        this.inline = inline;
    }

    /** Status code to the schema its {@code @APIResponse} content names; codes without a schema are left out. */
    public Map<String, Schema> responses(Method method) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
            Arrays.stream(response.content()).map(c -> schema(c.schema())).filter(s -> s != null).findFirst()
                    .ifPresent(schema -> schemas.putIfAbsent(response.responseCode(), schema));
        }
        return schemas;
    }

    /**
     * Media type to schema of the request body, as {@code @RequestBody} states it; a method with {@code @FormParam}
     * parameters and no annotated content gets a {@code multipart/form-data} one built from the parameters (a part
     * not read as a String is binary). Empty when neither says anything.
     */
    public Map<String, Schema> requestBody(Method method) {
        Map<String, Schema> content = new LinkedHashMap<>();
        RequestBody annotation = method.getAnnotation(RequestBody.class);
        if (annotation != null) {
            for (Content media : annotation.content()) {
                Schema schema = media.mediaType().equals(MediaType.MULTIPART_FORM_DATA)
                        && media.schema().implementation() != Void.class
                        ? inline.apply(media.schema().implementation()) : schema(media.schema());
                if (schema != null) {
                    content.put(media.mediaType().isEmpty() ? MediaType.APPLICATION_JSON : media.mediaType(), schema);
                }
            }
        }
        List<Parameter> parts = Arrays.stream(method.getParameters()).filter(p -> p.isAnnotationPresent(FormParam.class)).toList();
        if (!parts.isEmpty() && content.isEmpty()) {
            Schema form = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
            for (Parameter part : parts) {
                boolean text = part.getType() == String.class;
                form.addProperty(part.getAnnotation(FormParam.class).value(), OASFactory.createSchema()
                        .type(Schema.SchemaType.STRING).format(text ? null : "binary"));
            }
            content.put(MediaType.MULTIPART_FORM_DATA, form);
        }
        return content;
    }

    private Schema schema(org.eclipse.microprofile.openapi.annotations.media.Schema annotation) {
        if (annotation.implementation() != Void.class) {
            return types.apply(annotation.implementation());
        }
        if (annotation.properties().length > 0) {
            Schema object = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
            for (SchemaProperty property : annotation.properties()) {
                object.addProperty(property.name(), property(property));
            }
            if (annotation.requiredProperties().length > 0) {
                object.setRequired(List.of(annotation.requiredProperties()));
            }
            return object;
        }
        if (annotation.type() == SchemaType.DEFAULT) {
            return null;
        }
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.valueOf(annotation.type().name()));
        if (!annotation.format().isEmpty()) {
            schema.setFormat(annotation.format());
        }
        if (annotation.type() == SchemaType.OBJECT) {
            schema.setAdditionalPropertiesBoolean(true); // a document without a Java type of its own
        }
        return schema;
    }

    private Schema property(SchemaProperty property) {
        if (property.implementation() != Void.class) {
            return types.apply(property.implementation());
        }
        Schema schema = OASFactory.createSchema().type(property.type() == SchemaType.DEFAULT ? Schema.SchemaType.STRING
                : Schema.SchemaType.valueOf(property.type().name()));
        if (!property.format().isEmpty()) {
            schema.setFormat(property.format());
        }
        if (property.enumeration().length > 0) {
            schema.setEnumeration(List.of((Object[]) property.enumeration()));
        }
        if (property.maxLength() != Integer.MAX_VALUE) {
            schema.setMaxLength(property.maxLength());
        }
        if (!property.description().isEmpty()) {
            schema.setDescription(property.description());
        }
        if (!property.minimum().isEmpty()) {
            schema.setMinimum(new BigDecimal(property.minimum()));
        }
        return schema;
    }
}
