package id.narasiahli.conversations;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.payara.SharedServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static id.narasiahli.conversations.ConversationsIT.open;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Get-or-create under a race: both users open their conversation at the same moment. */
class ConversationConcurrencyIT {

    private static final int ROUNDS = 5;

    private final Api api = SharedServer.api();

    @Test
    void bothUsersOpeningAtOnceLeaveExactlyOneConversation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Api.User ani = api.newUser("Ani " + round);
                Api.User budi = api.newUser("Budi " + round);
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<Api.Response> fromAni = CompletableFuture.supplyAsync(() -> openAfter(start, ani, budi.id()), pool);
                CompletableFuture<Api.Response> fromBudi = CompletableFuture.supplyAsync(() -> openAfter(start, budi, ani.id()), pool);
                Api.Response a = fromAni.get(60, TimeUnit.SECONDS);
                Api.Response b = fromBudi.get(60, TimeUnit.SECONDS);

                assertEquals(List.of(200, 201), Stream.of(a.status(), b.status()).sorted().toList(),
                        "one created it, the other got it: " + a + " / " + b);
                assertEquals(a.json().getInt("id"), b.json().getInt("id"));
                assertEquals(1, ApiDatabase.count("SELECT count(*) FROM conversations WHERE (participant1_id = ? AND participant2_id = ?)"
                        + " OR (participant1_id = ? AND participant2_id = ?)", ani.id(), budi.id(), budi.id(), ani.id()), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Api.Response openAfter(CyclicBarrier start, Api.User user, int participantId) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return open(user, participantId);
    }
}
