package id.narasiahli.platform;

import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request that takes longer than the listener's keep-alive timeout (30 s) still gets its answer over HTTP/1.1:
 * marking messages read waits here on a row lock another transaction holds for 35 s.
 */
class LongRequestIT {

    @Test
    void aRequestBlockedForThirtyFiveSecondsStillGetsItsAnswer() throws Exception {
        Api api = SharedServer.api();
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        int conversation = ani.api().post("/api/conversations", Json.createObjectBuilder().add("participantId", budi.id()).build())
                .json().getInt("id");
        int message = budi.api().post("/api/conversations/" + conversation + "/messages",
                Json.createObjectBuilder().add("text", "halo").build()).json().getInt("id");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        try (Connection lock = ApiDatabase.dataSource().getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("SELECT * FROM chat_messages WHERE id = " + message + " FOR UPDATE");
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(
                            SharedServer.get().baseUri().resolve("/api/conversations/" + conversation + "/read"))
                    .header("Authorization", "Bearer " + ani.accessToken()).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"upToMessageId\":" + message + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(35_000);
            lock.rollback();
            HttpResponse<String> response = answer.get();
            System.out.printf("answered after %.1f s: %d %s%n", (System.nanoTime() - start) / 1e9, response.statusCode(), response.body());
            assertEquals(200, response.statusCode(), response.body());
        }
    }
}
