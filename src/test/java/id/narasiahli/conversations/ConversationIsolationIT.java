package id.narasiahli.conversations;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Api.Part;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.payara.SharedServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static id.narasiahli.conversations.ConversationsIT.assertProblem;
import static id.narasiahli.conversations.ConversationsIT.markRead;
import static id.narasiahli.conversations.ConversationsIT.open;
import static id.narasiahli.conversations.ConversationsIT.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A conversation, its messages and its attachments exist only for its two participants. */
class ConversationIsolationIT {

    private final Api api = SharedServer.api();

    @Test
    void aThirdUserFindsNothingAndChangesNothing() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        Api.User eve = api.newUser("Eve");
        int conversation = open(ani, budi.id()).json().getInt("id");
        int text = send(budi, conversation, "rahasia").json().getInt("id");
        String fileUrl = ani.api().multipart("/api/conversations/" + conversation + "/messages",
                Part.file("file", "foto.png", "image/png", Samples.png())).json().getString("fileUrl");
        List<List<Object>> before = snapshot(conversation);
        long filesBefore = ApiDatabase.count("SELECT count(*) FROM stored_files");

        String base = "/api/conversations/" + conversation;
        assertProblem(404, eve.api().get(base));
        assertProblem(404, eve.api().get(base + "/messages"));
        assertProblem(404, eve.api().get(base + "/messages/" + text));
        assertProblem(404, send(eve, conversation, "boleh ikut?"));
        assertProblem(404, eve.api().multipart(base + "/messages", Part.file("file", "x.png", "image/png", Samples.png())));
        assertProblem(404, markRead(eve, conversation, text));
        assertEquals(404, eve.api().download(fileUrl).statusCode());
        assertEquals(0, eve.api().get("/api/conversations").json().getInt("total"));

        assertEquals(before, snapshot(conversation), "messages, read marks and last_message_at unchanged");
        assertEquals(filesBefore, ApiDatabase.count("SELECT count(*) FROM stored_files"), "no file stored");
    }

    @Test
    void aMissingConversationLooksTheSameAsSomeoneElses() {
        Api.User eve = api.newUser("Eve");
        assertProblem(404, eve.api().get("/api/conversations/" + Integer.MAX_VALUE));
        assertProblem(404, eve.api().get("/api/conversations/" + Integer.MAX_VALUE + "/messages"));
        assertProblem(404, eve.api().get("/api/conversations/not-a-number"));
    }

    @Test
    void aParticipantCannotReachAMessageThroughAnotherConversation() {
        Api.User ani = api.newUser("Ani");
        Api.User budi = api.newUser("Budi");
        Api.User citra = api.newUser("Citra");
        int withBudi = open(ani, budi.id()).json().getInt("id");
        int budiWithCitra = open(budi, citra.id()).json().getInt("id");
        int forBudiOnly = send(citra, budiWithCitra, "hanya untuk Budi").json().getInt("id");
        assertProblem(404, ani.api().get("/api/conversations/" + withBudi + "/messages/" + forBudiOnly));
    }

    private static List<List<Object>> snapshot(int conversation) {
        List<List<Object>> rows = new ArrayList<>(ApiDatabase.rows(
                "SELECT id, sender_id, message_type, message_text, file_url, is_read FROM chat_messages WHERE conversation_id = ? ORDER BY id",
                conversation));
        rows.add(ApiDatabase.rows("SELECT last_message_at, updated_at FROM conversations WHERE id = ?", conversation).get(0));
        return rows;
    }
}
