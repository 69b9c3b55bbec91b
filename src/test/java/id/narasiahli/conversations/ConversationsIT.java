package id.narasiahli.conversations;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversations and text messages over HTTP, as their two participants use them. */
class ConversationsIT {

    private final Api api = SharedServer.api();

    @Test
    void openingCreatesTheConversationOnceWhicheverSideAsks() {
        Api.User ani = api.newUser("Ani Wijaya");
        Api.User budi = api.newUser("Budi Santoso");

        Api.Response created = open(ani, budi.id());
        assertEquals(201, created.status(), created.toString());
        int id = created.json().getInt("id");
        assertTrue(created.header("Location").endsWith("/api/conversations/" + id), created.header("Location"));
        assertEquals(budi.id(), created.json().getJsonObject("participant").getInt("id"));
        assertEquals("Budi Santoso", created.json().getJsonObject("participant").getString("fullName"));
        assertEquals(0, created.json().getInt("unreadCount"));

        Api.Response again = open(ani, budi.id());
        assertEquals(200, again.status(), again.toString());
        assertEquals(id, again.json().getInt("id"));
        Api.Response otherSide = open(budi, ani.id());
        assertEquals(200, otherSide.status(), otherSide.toString());
        assertEquals(id, otherSide.json().getInt("id"));
        assertEquals("Ani Wijaya", otherSide.json().getJsonObject("participant").getString("fullName"));
        assertEquals(1, ApiDatabase.count("SELECT count(*) FROM conversations WHERE LEAST(participant1_id, participant2_id) = ?"
                + " AND GREATEST(participant1_id, participant2_id) = ?", Math.min(ani.id(), budi.id()), Math.max(ani.id(), budi.id())));
    }

    @Test
    void talkingToOneselfIsRejected() {
        Api.User ani = api.newUser("Ani");
        Api.Response response = open(ani, ani.id());
        assertProblem(400, response);
        assertEquals("participantId", response.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void talkingToAMissingUserIsNotFound() {
        Api.User ani = api.newUser("Ani");
        assertProblem(404, open(ani, Integer.MAX_VALUE));
    }

    @Test
    void participantIdIsRequired() {
        Api.User ani = api.newUser("Ani");
        assertProblem(400, ani.api().post("/api/conversations", Json.createObjectBuilder().build()));
        assertProblem(400, ani.api().postRaw("/api/conversations", "application/json", "{\"participantId\": \"x\"}"));
    }

    @Test
    void conversationsNeedAToken() {
        assertProblem(401, api.get("/api/conversations"));
        assertProblem(401, api.post("/api/conversations", Json.createObjectBuilder().add("participantId", 1).build()));
    }

    @Test
    void sendingATextMessageSetsLastMessageAtToItsTime() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        int conversation = open(ani, budi.id()).json().getInt("id");

        Api.Response sent = send(ani, conversation, "Halo, Pak Budi!");
        assertEquals(201, sent.status(), sent.toString());
        JsonObject message = sent.json();
        assertTrue(sent.header("Location").endsWith("/api/conversations/" + conversation + "/messages/" + message.getInt("id")));
        assertEquals("text", message.getString("messageType"));
        assertEquals("Halo, Pak Budi!", message.getString("text"));
        assertEquals(ani.id(), message.getInt("senderId"));
        assertFalse(message.getBoolean("read"));

        Timestamp lastMessageAt = (Timestamp) ApiDatabase.value("SELECT last_message_at FROM conversations WHERE id = ?", conversation);
        Timestamp createdAt = (Timestamp) ApiDatabase.value("SELECT created_at FROM chat_messages WHERE id = ?", message.getInt("id"));
        assertEquals(createdAt, lastMessageAt);
        assertEquals(Instant.parse(message.getString("createdAt")), createdAt.toLocalDateTime().toInstant(ZoneOffset.UTC));

        Api.Response fetched = budi.api().get("/api/conversations/" + conversation + "/messages/" + message.getInt("id"));
        assertEquals(200, fetched.status(), fetched.toString());
        assertEquals("Halo, Pak Budi!", fetched.json().getString("text"));
    }

    @Test
    void blankOrOverlongTextIsRejectedAndNothingIsSaved() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        int conversation = open(ani, budi.id()).json().getInt("id");
        assertProblem(400, send(ani, conversation, "   "));
        assertProblem(400, send(ani, conversation, "x".repeat(10_001)));
        assertProblem(400, ani.api().post("/api/conversations/" + conversation + "/messages", Json.createObjectBuilder().build()));
        assertEquals(0, ApiDatabase.count("SELECT count(*) FROM chat_messages WHERE conversation_id = ?", conversation));
        assertNull(ApiDatabase.value("SELECT last_message_at FROM conversations WHERE id = ?", conversation));
    }

    @Test
    void myConversationsComeNewestActivityFirstWithTheOtherNameLastMessageAndMyUnreadCount() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi Hartono");
        Api.User citra = api.newUser("Citra Lestari");
        Api.User dewi = api.newUser("Dewi");
        int withBudi = open(ani, budi.id()).json().getInt("id");
        int withCitra = open(citra, ani.id()).json().getInt("id");
        int withDewi = open(ani, dewi.id()).json().getInt("id");
        send(budi, withBudi, "pesan satu");
        send(budi, withBudi, "pesan dua");
        send(ani, withCitra, "x".repeat(300));
        send(citra, withCitra, "Terima kasih!\n\nSampai jumpa.");

        Api.Response list = ani.api().get("/api/conversations");
        assertEquals(200, list.status(), list.toString());
        JsonArray items = list.json().getJsonArray("items");
        assertEquals(3, list.json().getInt("total"));
        assertEquals(List.of(withCitra, withBudi, withDewi), ids(items));

        JsonObject citraView = items.getJsonObject(0);
        assertEquals("Citra Lestari", citraView.getJsonObject("participant").getString("fullName"));
        assertEquals(citra.id(), citraView.getJsonObject("participant").getInt("id"));
        assertFalse(citraView.getJsonObject("participant").containsKey("email"), "only the public name is shown");
        assertEquals("Terima kasih! Sampai jumpa.", citraView.getJsonObject("lastMessage").getString("preview"));
        assertEquals(citra.id(), citraView.getJsonObject("lastMessage").getInt("senderId"));
        assertEquals(1, citraView.getInt("unreadCount"));
        JsonObject budiView = items.getJsonObject(1);
        assertEquals("pesan dua", budiView.getJsonObject("lastMessage").getString("preview"));
        assertEquals(2, budiView.getInt("unreadCount"));
        assertTrue(items.getJsonObject(2).isNull("lastMessage"));
        assertTrue(items.getJsonObject(2).isNull("lastMessageAt"));

        JsonObject forCitra = citra.api().get("/api/conversations").json().getJsonArray("items").getJsonObject(0);
        assertEquals(1, forCitra.getInt("unreadCount"), "Ani's message is unread for Citra, her own reply is not");
        assertTrue(citra.api().get("/api/conversations/" + withCitra).json().getJsonObject("lastMessage").getString("preview").length() <= 120);

        Api.Response page = ani.api().get("/api/conversations?limit=2&offset=1");
        assertEquals(List.of(withBudi, withDewi), ids(page.json().getJsonArray("items")));
        assertEquals(3, page.json().getInt("total"));
        assertProblem(400, ani.api().get("/api/conversations?limit=101"));
        assertProblem(400, ani.api().get("/api/conversations?offset=-1"));
    }

    @Test
    void messagesComeNewestFirstAndTheCursorWalksThroughAllOfThemOnce() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        int conversation = open(ani, budi.id()).json().getInt("id");
        List<Integer> sent = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            sent.add(send(i % 2 == 0 ? budi : ani, conversation, "m" + i).json().getInt("id"));
        }
        List<Integer> newestFirst = new ArrayList<>(sent);
        Collections.reverse(newestFirst);

        List<Integer> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = budi.api().get("/api/conversations/" + conversation + "/messages?limit=3"
                    + (cursor == null ? "" : "&before=" + cursor));
            assertEquals(200, page.status(), page.toString());
            JsonArray items = page.json().getJsonArray("items");
            pageSizes.add(items.size());
            walked.addAll(ids(items));
            cursor = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
        } while (cursor != null);
        assertEquals(newestFirst, walked);
        assertEquals(List.of(3, 3, 1), pageSizes);

        JsonObject firstPage = ani.api().get("/api/conversations/" + conversation + "/messages").json();
        assertEquals(20, firstPage.getInt("limit"));
        assertEquals(7, firstPage.getJsonArray("items").size());
        assertTrue(firstPage.isNull("nextCursor"));
    }

    @Test
    void messagesWithEqualTimestampsArePagedByIdWithoutLossOrRepeat() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        int conversation = open(ani, budi.id()).json().getInt("id");
        ApiDatabase.execute("INSERT INTO chat_messages (conversation_id, sender_id, message_text, created_at)"
                + " SELECT ?, ?, 'same time ' || g, TIMESTAMP '2026-01-01 00:00:00' FROM generate_series(1, 5) g", conversation, ani.id());
        List<Integer> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = ani.api().get("/api/conversations/" + conversation + "/messages?limit=2"
                    + (cursor == null ? "" : "&before=" + cursor)).json();
            walked.addAll(ids(page.getJsonArray("items")));
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null);
        List<Integer> expected = ApiDatabase.rows("SELECT id FROM chat_messages WHERE conversation_id = ? ORDER BY id DESC", conversation)
                .stream().map(r -> ((Number) r.get(0)).intValue()).toList();
        assertEquals(expected, walked);
    }

    @Test
    void badCursorOrLimitIsRejected() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        int conversation = open(ani, budi.id()).json().getInt("id");
        assertProblem(400, ani.api().get("/api/conversations/" + conversation + "/messages?before=not-a-cursor"));
        assertProblem(400, ani.api().get("/api/conversations/" + conversation + "/messages?limit=0"));
        assertProblem(400, ani.api().get("/api/conversations/" + conversation + "/messages?limit=101"));
        assertEquals(200, ani.api().get("/api/conversations/" + conversation + "/messages?limit=100").status());
    }

    @Test
    void readingMarksTheOtherParticipantsMessagesUpToTheGivenOne() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        int conversation = open(ani, budi.id()).json().getInt("id");
        int first = send(budi, conversation, "satu").json().getInt("id");
        int second = send(budi, conversation, "dua").json().getInt("id");
        int mine = send(ani, conversation, "jawaban").json().getInt("id");
        int third = send(budi, conversation, "tiga").json().getInt("id");

        Api.Response read = markRead(ani, conversation, second);
        assertEquals(200, read.status(), read.toString());
        assertEquals(2, read.json().getInt("marked"));
        assertEquals(1, read.json().getInt("unreadCount"));
        assertEquals(List.of(true, true, false, false), readFlags(first, second, mine, third),
                "Budi's first two are read; Ani's own message and Budi's later one are untouched");
        assertEquals(1, ani.api().get("/api/conversations/" + conversation).json().getInt("unreadCount"));

        assertEquals(0, markRead(ani, conversation, second).json().getInt("marked"), "marking again changes nothing");
        assertEquals(1, markRead(ani, conversation, third).json().getInt("marked"));
        assertEquals(0, ani.api().get("/api/conversations/" + conversation).json().getInt("unreadCount"));
        assertEquals(1, budi.api().get("/api/conversations/" + conversation).json().getInt("unreadCount"), "Budi has not read Ani's");
        assertTrue(budi.api().get("/api/conversations/" + conversation + "/messages/" + first).json().getBoolean("read"));
    }

    @Test
    void readingUpToAMessageOfAnotherConversationIsNotFound() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        Api.User citra = api.newUser("Citra");
        int withBudi = open(ani, budi.id()).json().getInt("id");
        int withCitra = open(ani, citra.id()).json().getInt("id");
        int elsewhere = send(citra, withCitra, "hai").json().getInt("id");
        send(budi, withBudi, "halo");
        assertProblem(404, markRead(ani, withBudi, elsewhere));
        assertProblem(400, ani.api().post("/api/conversations/" + withBudi + "/read", Json.createObjectBuilder().build()));
        assertEquals(1, ApiDatabase.count("SELECT count(*) FROM chat_messages WHERE conversation_id = ? AND is_read = false", withBudi));
    }

    static Api.Response open(Api.User user, int participantId) {
        return user.api().post("/api/conversations", Json.createObjectBuilder().add("participantId", participantId).build());
    }

    static Api.Response send(Api.User user, int conversation, String text) {
        return user.api().post("/api/conversations/" + conversation + "/messages", Json.createObjectBuilder().add("text", text).build());
    }

    static Api.Response markRead(Api.User user, int conversation, int upTo) {
        return user.api().post("/api/conversations/" + conversation + "/read", Json.createObjectBuilder().add("upToMessageId", upTo).build());
    }

    static void assertProblem(int status, Api.Response response) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(String.valueOf(response.header("Content-Type")).startsWith("application/problem+json"), response.headers().toString());
        assertEquals(status, response.json().getInt("status"));
    }

    private static List<Integer> ids(JsonArray items) {
        return items.stream().map(v -> v.asJsonObject().getInt("id")).toList();
    }

    private static List<Boolean> readFlags(int... ids) {
        List<Boolean> flags = new ArrayList<>();
        for (int id : ids) {
            flags.add((Boolean) ApiDatabase.value("SELECT is_read FROM chat_messages WHERE id = ?", id));
        }
        return flags;
    }
}
