package id.narasiahli.platform;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 15, item 5: every string a client sends in a JSON request body has an upper bound (@Size(max)), so no
 * field can carry megabytes into a hash, a query or a log line. Finds the bodies the way JAX-RS does: the one
 * parameter of a POST/PUT/PATCH/DELETE resource method without a parameter annotation.
 */
class BoundedStringFieldsTest {

    private static final Set<Class<? extends Annotation>> NOT_A_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, FormParam.class, CookieParam.class, MatrixParam.class, BeanParam.class, Context.class);

    @Test
    void everyStringFieldOfEveryRequestBodyIsBounded() throws IOException, ClassNotFoundException {
        Set<String> unbounded = new TreeSet<>();
        List<Class<?>> bodies = requestBodies();
        assertFalse(bodies.isEmpty(), "no request body found: is target/classes compiled?");
        for (Class<?> body : bodies) {
            for (Field field : body.getFields()) {
                if (field.getType() == String.class && !Modifier.isStatic(field.getModifiers())
                        && (field.getAnnotation(Size.class) == null || field.getAnnotation(Size.class).max() == Integer.MAX_VALUE)) {
                    unbounded.add(body.getName() + "." + field.getName());
                }
            }
        }
        assertEquals(Set.of(), unbounded, "give these fields @Size(max = ...)");
    }

    private List<Class<?>> requestBodies() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Method method : Class.forName(name, false, getClass().getClassLoader()).getDeclaredMethods()) {
                    if (method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                            || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class)) {
                        for (Parameter parameter : method.getParameters()) {
                            if (Stream.of(parameter.getAnnotations()).noneMatch(a -> NOT_A_BODY.contains(a.annotationType()))
                                    && parameter.getType().getName().startsWith("id.narasiahli")) {
                                bodies.add(parameter.getType());
                            }
                        }
                    }
                }
            }
        }
        return bodies;
    }
}
