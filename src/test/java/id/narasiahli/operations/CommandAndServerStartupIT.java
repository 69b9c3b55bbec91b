package id.narasiahli.operations;

import id.narasiahli.schema.cli.SchemaCli;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.DatabaseFacts;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The operator's command (target/runtime/narasi-schema.jar update) and a starting server, at the same moment, on an
 * empty database: they share the server's migration lock, so each changeset is applied once, by one of them, and
 * the other finds it applied.
 */
class CommandAndServerStartupIT {

    @Test
    void aCommandUpdateAndAServerStartTogetherApplyEachChangesetOnce() {
        String database = TestDatabase.createDatabase("command_and_server");
        int changesets = Changelogs.productionChangesets().size();
        try (PayaraMicroProcess server = PayaraMicroProcess.launch("command-and-server", database, Map.of(),
                Path.of(System.getProperty("narasi.it.war")))) {
            SchemaCli.Result command = CompletableFuture.supplyAsync(() -> SchemaCli.run(database, "update")).join();
            server.awaitReady(Duration.ofSeconds(300));
            assertEquals(0, command.exit(), command.toString());
            int byCommand = command.out().split("\n  applied  ", -1).length - 1;
            int byServer = server.log().split("Applied changeset ", -1).length - 1;
            assertEquals(changesets, byCommand + byServer, "command applied " + byCommand + ", server " + byServer);
            DatabaseFacts.assertEveryChangesetRecordedOnce(database, changesets);
        }
    }

    /** The command started while the server migrates waits for the server's lock and then finds nothing to do. */
    @Test
    void aCommandStartedWhileTheServerMigratesWaitsForItsLock() throws InterruptedException {
        String database = TestDatabase.createDatabase("command_after_server");
        int changesets = Changelogs.productionChangesets().size();
        try (PayaraMicroProcess server = PayaraMicroProcess.launch("command-after-server", database, Map.of(),
                Path.of(System.getProperty("narasi.it.war")))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (!server.log().contains("Applied changeset ") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            SchemaCli.Result command = SchemaCli.run(database, "update", "--json");
            server.awaitReady(Duration.ofSeconds(300));
            assertEquals(0, command.exit(), command.toString());
            int byCommand = SchemaCli.json(command).getJsonArray("applied").size();
            int byServer = server.log().split("Applied changeset ", -1).length - 1;
            assertEquals(changesets, byCommand + byServer, "command applied " + byCommand + ", server " + byServer
                    + "\n" + command.err());
            DatabaseFacts.assertEveryChangesetRecordedOnce(database, changesets);
        }
    }
}
