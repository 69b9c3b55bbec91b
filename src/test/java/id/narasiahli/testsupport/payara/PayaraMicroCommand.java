package id.narasiahli.testsupport.payara;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The production run contract from the README, as a process: the tested Payara Micro jar with the
 * PostgreSQL driver added, the pre-boot HTTP settings, the post-boot datasource commands and the WAR at context
 * root "/".
 * Database settings travel as the DB_* environment variables, exactly as an operator gives them.
 */
public record PayaraMicroCommand(Path payaraMicroJar, Path postgresqlJar, Path postBootFile, Path war,
                                 int httpPort, String clusterName) {

    /** The build's own layout (see pom.xml: target/runtime and target/narasi-ahli.war). */
    public static PayaraMicroCommand fromBuild(Path projectDir, int httpPort) {
        Path target = projectDir.resolve("target");
        return new PayaraMicroCommand(target.resolve("runtime/payara-micro.jar"), target.resolve("runtime/postgresql.jar"),
                projectDir.resolve("server-config/post-boot-commands.asadmin"), target.resolve("narasi-ahli.war"),
                httpPort, null);
    }

    public PayaraMicroCommand withWar(Path otherWar) {
        return new PayaraMicroCommand(payaraMicroJar, postgresqlJar, postBootFile, otherWar, httpPort, clusterName);
    }

    /** server-config/pre-boot-commands.asadmin, which lives next to the post-boot file. */
    public Path preBootFile() {
        return postBootFile.resolveSibling("pre-boot-commands.asadmin");
    }

    public List<String> arguments() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", payaraMicroJar.toString(),
                "--addLibs", postgresqlJar.toString(),
                "--prebootcommandfile", preBootFile().toString(),
                "--postbootcommandfile", postBootFile.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", Integer.toString(httpPort)));
        if (clusterName == null) {
            command.add("--nocluster");
        } else {
            command.addAll(List.of("--clustername", clusterName));
        }
        return command;
    }

    public ProcessBuilder processBuilder(Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(arguments());
        builder.environment().putAll(environment);
        return builder;
    }
}
