package id.narasiahli.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Payara's OpenAPI scanner fails (/openapi answers 500) on Bean Validation constraints on record components,
 * so constrained request bodies are classes. This finds a constrained record at once, without booting Payara.
 */
class RequestBodyShapeTest {

    @Test
    void noRecordCarriesBeanValidationConstraints() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!type.isRecord()) {
                    continue;
                }
                for (RecordComponent component : type.getRecordComponents()) {
                    // constraints do not target record components: Java puts them on the field (and constructor)
                    for (Annotation annotation : fieldOf(type, component).getAnnotations()) {
                        if (annotation.annotationType().getPackageName().startsWith("jakarta.validation")) {
                            offenders.add(name + "." + component.getName() + " @" + annotation.annotationType().getSimpleName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "make these request bodies classes with annotated public fields");
    }

    private static java.lang.reflect.Field fieldOf(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
