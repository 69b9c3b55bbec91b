package id.narasiahli.operations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Payara Micro boot files: HTTP listener settings only in the pre-boot file. A post-boot {@code set} on the
 * listener's protocol restarts the listener while the WAR deploys, and now and then Grizzly never binds it again
 * (seen in CI: "GrizzlyProxy is NULL", then "ready", then every connection refused for five minutes).
 */
class BootCommandFilesTest {

    private static final Path CONFIG = Path.of("server-config");

    @Test
    void postBootCommandsLeaveTheNetworkConfigurationAlone() throws IOException {
        List<String> touching = commands("post-boot-commands.asadmin").stream()
                .filter(line -> line.contains("network-config") || line.contains("http-listener")).toList();
        assertEquals(List.of(), touching, "move these to server-config/pre-boot-commands.asadmin");
    }

    @Test
    void preBootCommandsCarryTheHttpSettingsTheApiNeeds() throws IOException {
        List<String> pre = commands("pre-boot-commands.asadmin");
        assertTrue(pre.stream().anyMatch(line -> line.endsWith("http.allow-payload-for-undefined-http-methods=true")), pre.toString());
        assertTrue(pre.stream().anyMatch(line -> line.endsWith("http.trace-enabled=true")), pre.toString());
    }

    private static List<String> commands(String file) throws IOException {
        return Files.readAllLines(CONFIG.resolve(file)).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
