package id.narasiahli.conversations;

import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The running version keeps serving message history while a migration adds a column to chat_messages (the expand
 * step of a rolling change) and drops it again. The driver prepares the history query on the server once a pooled
 * connection has run it five times; with {@code SELECT *} the new column changed the prepared statement's result
 * type and each such connection failed one request ("cached plan must not change result type").
 */
class HistoryDuringExpandIT {

    @Test
    void historyPagesKeepWorkingWhileAColumnIsAddedAndDropped() {
        Api api = SharedServer.api();
        Api.User ani = api.newUser("Ani Expand");
        Api.User budi = api.newUser("Budi Expand");
        int conversation = ani.api().post("/api/conversations", Json.createObjectBuilder().add("participantId", budi.id()).build())
                .json().getInt("id");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, ani.api().post("/api/conversations/" + conversation + "/messages",
                    Json.createObjectBuilder().add("text", "Pesan " + i).build()).status());
        }
        String page = "/api/conversations/" + conversation + "/messages?limit=2";
        String cursor = ani.api().get(page).json().getString("nextCursor");
        List<String> paths = List.of(page, page + "&before=" + cursor);

        assertEquals(List.of(200), statuses(ani.api(), paths), "warm: every pooled connection has prepared the queries");
        try {
            ApiDatabase.execute("ALTER TABLE chat_messages ADD COLUMN expand_probe TEXT");
            assertEquals(List.of(200), statuses(ani.api(), paths), "after ADD COLUMN");
        } finally {
            ApiDatabase.execute("ALTER TABLE chat_messages DROP COLUMN IF EXISTS expand_probe");
        }
        assertEquals(List.of(200), statuses(ani.api(), paths), "after DROP COLUMN");
    }

    /** The distinct statuses of 4 clients each fetching every path 10 times, at the same time. */
    private static List<Integer> statuses(Api api, List<String> paths) {
        List<CompletableFuture<List<Integer>>> clients = IntStream.range(0, 4).mapToObj(c -> CompletableFuture.supplyAsync(() ->
                IntStream.range(0, 10).boxed().flatMap(i -> paths.stream().map(path -> api.get(path).status())).toList())).toList();
        return clients.stream().flatMap(client -> client.join().stream()).distinct().sorted().toList();
    }
}
