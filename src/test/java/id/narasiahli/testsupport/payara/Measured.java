package id.narasiahli.testsupport.payara;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.logging.Logger;

/** Figures the docs quote (src/site/markdown/testing.md, "Measured"), logged and collected in target/it/measured.txt so a run can be read back. */
public final class Measured {

    private static final Logger LOG = Logger.getLogger(Measured.class.getName());

    private Measured() {
    }

    public static Duration record(String what, Duration duration) {
        String line = String.format("%s: %.1f s", what, duration.toMillis() / 1000.0);
        LOG.info(() -> "Measured " + line);
        try {
            Files.writeString(PayaraMicroProcess.workDir().resolve("measured.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return duration;
    }
}
