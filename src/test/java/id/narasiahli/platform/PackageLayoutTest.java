package id.narasiahli.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layout rule a newcomer relies on: no package of the main code holds more than 16 files, and every
 * component and sub-component says in a package-info.java what it owns.
 */
class PackageLayoutTest {

    private static final Path MAIN = Path.of("src/main/java/id/narasiahli");
    private static final int MAX_FILES = 16;

    @Test
    void noPackageHoldsMoreThanSixteenFiles() throws IOException {
        List<String> crowded = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                long files;
                try (Stream<Path> entries = Files.list(dir)) {
                    files = entries.filter(Files::isRegularFile).count();
                }
                if (files > MAX_FILES) {
                    crowded.add(MAIN.relativize(dir) + " holds " + files + " files");
                }
            }
        }
        assertEquals(List.of(), crowded);
    }

    @Test
    void everyComponentAndSchemaSubComponentHasAPackageInfo() throws IOException {
        List<Path> owners = new ArrayList<>();
        try (Stream<Path> components = Files.list(MAIN)) {
            components.filter(Files::isDirectory).forEach(owners::add);
        }
        try (Stream<Path> schema = Files.list(MAIN.resolve("schema"))) {
            schema.filter(Files::isDirectory).forEach(owners::add);
        }
        List<String> missing = owners.stream().filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                .map(dir -> MAIN.relativize(dir).toString()).toList();
        assertEquals(List.of(), missing);
        assertEquals(true, owners.size() > 10, "components found: " + owners);
    }
}
