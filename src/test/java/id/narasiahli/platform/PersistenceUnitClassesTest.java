package id.narasiahli.platform;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * persistence.xml lists its classes and excludes the rest (EclipseLink then reads only those at deployment):
 * every entity, embeddable, mapped superclass and converter of the main code must be listed, and nothing else.
 */
class PersistenceUnitClassesTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern LISTED = Pattern.compile("<class>\\s*([\\w.$]+)\\s*</class>");

    @Test
    void persistenceXmlListsExactlyTheMappedClasses() throws Exception {
        String xml = Files.readString(CLASSES.resolve("META-INF/persistence.xml"));
        assertTrue(xml.contains("<exclude-unlisted-classes>true</exclude-unlisted-classes>"), "unlisted classes are not excluded");
        Set<String> listed = new TreeSet<>();
        Matcher matcher = LISTED.matcher(xml);
        while (matcher.find()) {
            listed.add(matcher.group(1));
        }
        assertEquals(mapped(), listed);
    }

    private static Set<String> mapped() throws IOException, ClassNotFoundException {
        Set<String> mapped = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CLASSES.resolve("id/narasiahli"))) {
            files = walk.filter(file -> file.toString().endsWith(".class")).toList();
        }
        ClassLoader loader = PersistenceUnitClassesTest.class.getClassLoader();
        for (Path file : files) {
            String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, loader);
            if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                    || type.isAnnotationPresent(MappedSuperclass.class) || type.isAnnotationPresent(Converter.class)) {
                mapped.add(name);
            }
        }
        assertTrue(mapped.size() > 10, "mapped classes found: " + mapped);
        return mapped;
    }
}
