package id.narasiahli.operations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boot files of Payara Micro and Payara Server: HTTP listener settings only in the pre-boot files. A {@code set} on
 * the listener's protocol of a running server restarts the listener, and now and then Grizzly never binds it again
 * (seen in CI: on Micro "GrizzlyProxy is NULL", then "ready", then every connection refused for five minutes; on
 * Server, from payara-server.asadmin, once with that message and once with none).
 */
class BootCommandFilesTest {

    private static final Path CONFIG = Path.of("server-config");

    @Test
    void postBootCommandsLeaveTheNetworkConfigurationAlone() throws IOException {
        assertEquals(List.of(), networkCommands("post-boot-commands.asadmin"), "move these to server-config/pre-boot-commands.asadmin");
    }

    @Test
    void theServerDomainsAsadminFileLeavesTheNetworkConfigurationAlone() throws IOException {
        assertEquals(List.of(), networkCommands("payara-server.asadmin"), "move these to server-config/payara-server-pre-boot.asadmin");
    }

    @Test
    void preBootCommandsCarryTheHttpSettingsTheApiNeeds() throws IOException {
        assertCarriesTheHttpSettings("pre-boot-commands.asadmin", "http-listener");
        assertCarriesTheHttpSettings("payara-server-pre-boot.asadmin", "http-listener-1");
    }

    private static void assertCarriesTheHttpSettings(String file, String listener) throws IOException {
        List<String> pre = commands(file);
        String protocol = "protocols.protocol." + listener + ".http.";
        assertTrue(pre.contains("set configs.config.server-config.network-config." + protocol + "allow-payload-for-undefined-http-methods=true"),
                file + ": " + pre);
        assertTrue(pre.contains("set configs.config.server-config.network-config." + protocol + "trace-enabled=true"), file + ": " + pre);
    }

    private static List<String> networkCommands(String file) throws IOException {
        return commands(file).stream().filter(line -> line.contains("network-config") || line.contains("http-listener")).toList();
    }

    private static List<String> commands(String file) throws IOException {
        return Files.readAllLines(CONFIG.resolve(file)).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
