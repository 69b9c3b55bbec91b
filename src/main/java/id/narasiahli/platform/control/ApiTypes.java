package id.narasiahli.platform.control;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the Java code says about the API, for the OpenAPI filter: each operation's resource method (found by scanning
 * the application's classes for {@code @Path}), and the JSON shape of the types it reads and returns, as JSON-B
 * writes them (record components and public fields).
 */
public final class ApiTypes {

    private static final String ROOT_PACKAGE = "id.narasiahli.";

    /** An operation's Java side. */
    public record Endpoint(Method method, String tag, String resourceDescription, String produces) {
    }

    private final Set<Class<?>> referenced = new LinkedHashSet<>();
    private final Map<String, Type> pages = new LinkedHashMap<>();

    /** "POST /api/me/education" to the resource method; the application class gives the root path. */
    public Map<String, Endpoint> endpoints(Class<?> application) {
        String root = "/" + strip(application.getAnnotation(ApplicationPath.class).value());
        Map<String, Endpoint> endpoints = new HashMap<>();
        for (Class<?> resource : resources(application)) {
            String base = join(root, resource.getAnnotation(Path.class).value());
            String tag = resource.getSimpleName().replaceAll("Resource$", "");
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null || !Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? base : join(base, sub.value());
                Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                        : resource.getAnnotation(Produces.class);
                Endpoint endpoint = new Endpoint(method, tag, description(resource),
                        produces == null ? MediaType.APPLICATION_JSON : produces.value()[0]);
                // two methods on one verb and path (JSON and multipart): the one with a typed return or body wins
                endpoints.merge(verb + " " + path, endpoint, (a, b) -> a.method().getName().compareTo(b.method().getName()) <= 0 ? a : b);
            }
        }
        return endpoints;
    }

    /** The schema of what {@code method} returns; null for void and for a {@code Response} (its annotations say). */
    public Schema schemaOf(Method method) {
        Class<?> type = method.getReturnType();
        if (type == void.class || type == jakarta.ws.rs.core.Response.class) {
            return null;
        }
        return schemaFor(method.getGenericReturnType());
    }

    /** The schema of the entity parameter of {@code method} (the one without a JAX-RS annotation), or null. */
    public Schema bodySchemaOf(Method method) {
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            boolean bound = Arrays.stream(parameter.getAnnotations()).anyMatch(a ->
                    a.annotationType().getPackageName().equals("jakarta.ws.rs")
                            || a.annotationType() == jakarta.ws.rs.core.Context.class);
            if (!bound) {
                // a body read as text by the operation itself is still a JSON object
                return parameter.getType() == String.class
                        ? OASFactory.createSchema().type(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(true)
                        : schemaFor(parameter.getParameterizedType());
            }
        }
        return null;
    }

    /** The schemas the method's OpenAPI annotations name, with types of ours as references. */
    public ApiAnnotations annotations() {
        return new ApiAnnotations(this::schemaFor, this::inline);
    }

    /** Adds or corrects the component schemas of every type {@link #schemaOf} referred to. */
    public void completeSchemas(Components components) {
        Set<Class<?>> done = new LinkedHashSet<>();
        List<Class<?>> todo;
        while (!(todo = referenced.stream().filter(c -> !done.contains(c)).toList()).isEmpty()) {
            for (Class<?> type : todo) {
                done.add(type);
                complete(components, type);
            }
        }
        for (Map.Entry<String, Type> page : pages.entrySet()) {
            components.addSchema(page.getKey(), OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                    .description("One page of a list, with the total count")
                    .addProperty("items", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(schemaFor(page.getValue())))
                    .addProperty("total", integer("int64"))
                    .addProperty("limit", integer("int32"))
                    .addProperty("offset", integer("int32"))
                    .required(List.of("items", "total", "limit", "offset")));
        }
        if (referenced.stream().anyMatch(c -> !done.contains(c))) {
            completeSchemas(components);
        }
    }

    private void complete(Components components, Class<?> type) {
        String name = schemaName(type);
        Schema schema = components.getSchemas() == null ? null : components.getSchemas().get(name);
        if (schema == null) {
            schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
            components.addSchema(name, schema);
        }
        if (type.isEnum()) {
            return;
        }
        schema.setType(Schema.SchemaType.OBJECT);
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        schema.setMinProperties(null);
        schema.setMinLength(null);
        schema.setExclusiveMaximum(null);
        schema.setExclusiveMinimum(null);
        schema.setUniqueItems(null);
        List<String> required = new ArrayList<>();
        boolean nillable = type.isAnnotationPresent(JsonbNillable.class);
        for (Map.Entry<String, Property> property : properties(type).entrySet()) {
            Property p = property.getValue();
            Schema wanted = schemaFor(p.type());
            Schema existing = schema.getProperties() == null ? null : schema.getProperties().get(property.getKey());
            schema.addProperty(property.getKey(), existing == null ? wanted : merge(existing, wanted));
            boolean primitive = p.type() instanceof Class<?> c && c.isPrimitive();
            if (primitive || p.notNull()) {
                required.add(property.getKey());
            } else if (nillable) {
                Schema written = schema.getProperties().get(property.getKey());
                if (written.getRef() != null) {
                    // OpenAPI 3.0 ignores everything next to a $ref, nullable too: the reference goes into an allOf
                    // (and nullable needs a type beside it)
                    schema.addProperty(property.getKey(), OASFactory.createSchema().type(Schema.SchemaType.OBJECT).nullable(true)
                            .allOf(List.of(OASFactory.createSchema().ref(written.getRef()))));
                } else {
                    written.setNullable(true);
                }
            }
        }
        if (!required.isEmpty()) {
            schema.setRequired(required);
        }
    }

    /** Keeps the constraints Payara found (maxLength, minimum...), takes type, format, items and $ref from Java. */
    private static Schema merge(Schema existing, Schema wanted) {
        if (wanted.getRef() != null) {
            return wanted;
        }
        if (existing.getRef() != null) {
            // Payara refers to an enum's schema by its simple name, which another class may have taken (LintFinding's
            // Status is not SchemaViews' Status), and writes type and enum beside the $ref: the enum goes in place
            if (wanted.getDescription() == null) {
                wanted.setDescription(existing.getDescription());
            }
            return wanted;
        }
        existing.setType(wanted.getType());
        existing.setFormat(wanted.getFormat());
        // setters of Payara's model copy maps and lists, so they are never handed null
        if (wanted.getItems() != null) {
            existing.setItems(wanted.getItems());
        }
        if (wanted.getProperties() != null) {
            existing.setProperties(wanted.getProperties());
        }
        if (wanted.getAdditionalPropertiesBoolean() != null) {
            existing.setAdditionalPropertiesBoolean(wanted.getAdditionalPropertiesBoolean());
        }
        if (wanted.getEnumeration() != null) {
            existing.setEnumeration(wanted.getEnumeration());
        }
        if (wanted.getType() != Schema.SchemaType.STRING) {
            existing.setPattern(null);
            existing.setMinLength(null);
            existing.setMaxLength(null);
        }
        if (wanted.getType() != Schema.SchemaType.INTEGER && wanted.getType() != Schema.SchemaType.NUMBER) {
            existing.setMinimum(null);
            existing.setMaximum(null);
        }
        if (wanted.getType() != Schema.SchemaType.OBJECT) {
            existing.setMaxProperties(null);
            existing.setMinProperties(null);
        }
        return existing;
    }

    /** The schema of a Java type as JSON-B writes it; a type of ours is a {@code $ref} to its component schema. */
    public Schema schemaFor(Type generic) {
        Class<?> type = raw(generic);
        if (type == String.class || type == Character.class || type == char.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class) {
            return integer("int32");
        }
        if (type == long.class || type == Long.class) {
            return integer("int64");
        }
        if (type == boolean.class || type == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER).format("double");
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        }
        if (type == LocalDate.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date");
        }
        if (type == Instant.class || type == LocalDateTime.class || type == OffsetDateTime.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time")
                    .description("UTC, e.g. 2026-01-31T08:00:00.000000Z");
        }
        if (type == byte[].class || type == jakarta.ws.rs.core.EntityPart.class || java.io.InputStream.class.isAssignableFrom(type)) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary"); // a part of a multipart form
        }
        if (type.isEnum()) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING)
                    .enumeration(Arrays.stream(type.getEnumConstants()).map(e -> (Object) e.toString()).toList());
        }
        if (Collection.class.isAssignableFrom(type)) {
            return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(schemaFor(argument(generic)));
        }
        if (type == Page.class) {
            Type item = argument(generic);
            String name = schemaName(raw(item)) + "Page";
            pages.put(name, item);
            return OASFactory.createSchema().ref("#/components/schemas/" + name);
        }
        if (Map.class.isAssignableFrom(type) || JsonValue.class.isAssignableFrom(type) || type == Object.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(true);
        }
        if (type.getName().startsWith(ROOT_PACKAGE)) {
            referenced.add(type);
            return OASFactory.createSchema().ref("#/components/schemas/" + schemaName(type));
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }

    private static Schema integer(String format) {
        return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format(format);
    }

    /** The name Payara gives a type's component schema: {@code @Schema(name)} or the simple name. */
    public static String schemaName(Class<?> type) {
        var annotation = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : type.getSimpleName();
    }

    private record Property(Type type, boolean notNull, AnnotatedElement element) {
    }

    /**
     * The type's properties written out in place rather than as a {@code $ref}: for a multipart form, whose parts
     * generators turn into parameters (they make no model of a form schema, yet would import one that is referred to).
     */
    public Schema inline(Class<?> type) {
        Schema form = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        List<String> required = new ArrayList<>();
        for (Map.Entry<String, Property> property : properties(type).entrySet()) {
            Schema schema = schemaFor(property.getValue().type());
            AnnotatedElement element = property.getValue().element();
            jakarta.validation.constraints.Size size = element.getAnnotation(jakarta.validation.constraints.Size.class);
            if (size != null && size.max() != Integer.MAX_VALUE) {
                schema.setMaxLength(size.max());
            }
            var documented = element.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            if (documented != null && documented.enumeration().length > 0) {
                schema.setEnumeration(List.of((Object[]) documented.enumeration()));
            }
            if (documented != null && !documented.description().isEmpty()) {
                schema.setDescription(documented.description());
            }
            form.addProperty(property.getKey(), schema);
            if (property.getValue().notNull()) {
                required.add(property.getKey());
            }
        }
        if (!required.isEmpty()) {
            form.setRequired(required);
        }
        return form;
    }

    private static Map<String, Property> properties(Class<?> type) {
        Map<String, Property> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), new Property(component.getGenericType(), notNull(component), component));
            }
        } else {
            for (Field field : type.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    properties.put(field.getName(), new Property(field.getGenericType(), notNull(field), field));
                }
            }
        }
        return properties;
    }

    private static boolean notNull(AnnotatedElement element) {
        return element.isAnnotationPresent(NotNull.class) || element.isAnnotationPresent(NotBlank.class)
                || element.isAnnotationPresent(NotEmpty.class);
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String description(Class<?> resource) {
        return resource.getSimpleName().replaceAll("Resource$", "") + " (" + resource.getPackageName()
                .substring(ROOT_PACKAGE.length()).replace(".boundary", "") + ")";
    }

    /**
     * The application's resource classes: the classes next to {@code application} (WEB-INF/classes, a directory, or a
     * jar when the WAR is not exploded) whose names end in Resource, kept when they carry {@code @Path}.
     */
    private static List<Class<?>> resources(Class<?> application) {
        String self = application.getName().replace('.', '/') + ".class";
        java.net.URL url = application.getClassLoader().getResource(self);
        List<String> names = new ArrayList<>();
        try {
            if (url == null) {
                return List.of();
            }
            if ("jar".equals(url.getProtocol())) {
                var connection = (java.net.JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (var jar = connection.getJarFile()) {
                    jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith("Resource.class")).forEach(names::add);
                }
            } else if ("file".equals(url.getProtocol())) {
                String path = Paths.get(url.toURI()).toString();
                var root = Paths.get(path.substring(0, path.length() - self.length()));
                try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith("Resource.class"))
                            .forEach(f -> names.add(root.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> found = new ArrayList<>();
        for (String name : names) {
            String className = name.replaceAll("^WEB-INF/classes/", "").replaceAll("\\.class$", "").replace('/', '.');
            try {
                Class<?> type = Class.forName(className, false, application.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    found.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not one of ours
            }
        }
        java.util.logging.Logger.getLogger(ApiTypes.class.getName()).info(() -> "OpenAPI: " + found.size()
                + " resource classes found from " + url);
        return found;
    }

    private static String join(String base, String path) {
        String joined = base.replaceAll("/+$", "") + "/" + strip(path);
        return joined.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+$", "");
    }

    private static String strip(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    private static Class<?> raw(Type type) {
        return JsonShape.raw(type);
    }

    private static Type argument(Type type) {
        return JsonShape.argument(type, 0);
    }
}
