package id.narasiahli.aichat;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** message_count stays exact when many clients append to one session at once. */
class AiMessageCountIT {

    private static final int APPENDS = 20;

    @Test
    void twentyParallelAppendsLeaveMessageCountTwentyAndTwentyRows() throws Exception {
        Api.User ani = SharedServer.api().newUser("Ani");
        int session = AiSessionsIT.create(ani, Json.createObjectBuilder().add("title", "Ramai")).json().getInt("id");
        ExecutorService pool = Executors.newFixedThreadPool(APPENDS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < APPENDS; i++) {
                String type = i % 2 == 0 ? "user" : "assistant";
                String content = "pesan " + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return AiSessionsIT.append(ani, session, type, content).status();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(201, status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(APPENDS, ApiDatabase.count("SELECT count(*) FROM ai_chat_messages WHERE session_id = ?", session));
        assertEquals(APPENDS, ApiDatabase.count("SELECT message_count FROM ai_chat_sessions WHERE id = ?", session));
        assertEquals(APPENDS, ani.api().get("/api/ai-sessions/" + session).json().getInt("messageCount"));
    }
}
