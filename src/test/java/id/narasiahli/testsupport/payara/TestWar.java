package id.narasiahli.testsupport.payara;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The production WAR plus every test-only changelog of src/test/resources/test-changelogs under
 * liquibase/test/, selected at run time with NARASI_SCHEMA_CHANGELOG. Nothing else differs from production.
 */
public final class TestWar {

    private static Path war;

    private TestWar() {
    }

    public static synchronized Path withTestChangelogs() {
        if (war == null) {
            Path target = PayaraMicroProcess.workDir().resolve("narasi-ahli-test-changelogs.war");
            WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("narasi.it.war")));
            try (Stream<Path> files = Files.list(testChangelogs())) {
                files.forEach(file -> archive.addAsResource(file.toFile(), "liquibase/test/" + file.getFileName()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            archive.as(ZipExporter.class).exportTo(target.toFile(), true);
            war = target;
        }
        return war;
    }

    private static Path testChangelogs() {
        try {
            return Path.of(TestWar.class.getClassLoader().getResource("test-changelogs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
