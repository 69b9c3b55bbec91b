package id.narasiahli.conversations;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Api.Part;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static id.narasiahli.conversations.ConversationsIT.assertProblem;
import static id.narasiahli.conversations.ConversationsIT.open;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images, files and audio sent in a conversation: typed by content, capped in size, downloadable by both participants. */
class AttachmentsIT {

    private static final int LIMIT = 10 * 1024 * 1024;

    private final Api api = SharedServer.api();
    private Api.User ani;
    private Api.User budi;
    private int conversation;

    @BeforeEach
    void conversation() {
        ani = api.newUser("Ani");
        budi = api.newUser("Budi");
        conversation = open(ani, budi.id()).json().getInt("id");
    }

    /**
     * The history page reads its rows straight from JDBC (conversations.control.MessageHistory): each message reads
     * there exactly as the send answered it (nulls of a text message included), and an empty conversation is an
     * empty page, not a 404.
     */
    @Test
    void theHistoryPageShowsEachMessageAsItsSendAnsweredIt() {
        JsonObject empty = ani.api().get("/api/conversations/" + conversation + "/messages").json();
        assertEquals(0, empty.getJsonArray("items").size(), empty.toString());
        assertTrue(empty.isNull("nextCursor"));

        JsonObject file = sendFile(Part.file("file", "catatan.png", "image/png", Samples.png()), Part.field("text", "Catatan")).json();
        JsonObject text = ani.api().post("/api/conversations/" + conversation + "/messages",
                jakarta.json.Json.createObjectBuilder().add("text", "Terima kasih").build()).json();
        JsonObject page = budi.api().get("/api/conversations/" + conversation + "/messages").json();
        assertEquals(2, page.getJsonArray("items").size(), page.toString());
        assertEquals(text, page.getJsonArray("items").getJsonObject(0), "the text message, newest first");
        assertEquals(file, page.getJsonArray("items").getJsonObject(1), "the image, with its name, size and URL");
        assertTrue(text.isNull("fileSize") && text.isNull("fileName") && text.isNull("fileUrl"), text.toString());
        assertEquals(false, text.getBoolean("read"));
    }

    @Test
    void anImageIsStoredTypedByContentAndBothParticipantsCanDownloadIt() {
        byte[] png = Samples.png();
        Api.Response sent = sendFile(Part.file("file", "../../Foto Seminar<1>.png", "application/octet-stream", png),
                Part.field("text", "Foto dari seminar"));
        assertEquals(201, sent.status(), sent.toString());
        JsonObject message = sent.json();
        assertEquals("image", message.getString("messageType"));
        assertEquals("Foto dari seminar", message.getString("text"));
        assertEquals("Foto Seminar_1_.png", message.getString("fileName"), "directories and odd characters are gone");
        assertEquals(png.length, message.getJsonNumber("fileSize").longValue());
        String fileUrl = message.getString("fileUrl");
        assertTrue(fileUrl.matches("/api/files/[0-9a-f-]{36}"), fileUrl);

        assertEquals(1, ApiDatabase.count("SELECT count(*) FROM chat_messages WHERE id = ? AND file_url = ? AND file_size = ?"
                + " AND message_type = 'image'", message.getInt("id"), fileUrl, (long) png.length));
        assertEquals("image/png", ApiDatabase.value("SELECT content_type FROM stored_files WHERE id = ?::uuid",
                fileUrl.substring("/api/files/".length())));
        for (Api.User participant : new Api.User[]{ani, budi}) {
            HttpResponse<byte[]> download = participant.api().download(fileUrl);
            assertEquals(200, download.statusCode());
            assertArrayEquals(png, download.body());
            assertEquals("image/png", download.headers().firstValue("Content-Type").orElseThrow());
        }
        assertEquals(message.getString("createdAt"),
                ani.api().get("/api/conversations/" + conversation).json().getString("lastMessageAt"));
    }

    @Test
    void audioAndDocumentsAreRecognisedWhateverTheirNames() {
        Api.Response audio = sendFile(Part.file("file", "voice-note.bin", "application/octet-stream", Samples.mp3()));
        assertEquals(201, audio.status(), audio.toString());
        assertEquals("audio", audio.json().getString("messageType"));
        assertTrue(audio.json().isNull("text"), "no caption");

        Api.Response pdf = sendFile(Part.file("file", "proposal", "text/plain", Samples.pdf()), Part.field("type", "file"));
        assertEquals(201, pdf.status(), pdf.toString());
        assertEquals("file", pdf.json().getString("messageType"));
        assertEquals("proposal", pdf.json().getString("fileName"));
    }

    @Test
    void aNonImageNamedAndDeclaredAsPngIsRefusedAndNothingIsStored() {
        long files = storedFiles();
        Api.Response spoofed = sendFile(Part.file("file", "photo.png", "image/png", Samples.text()), Part.field("type", "image"));
        assertProblem(415, spoofed);
        assertTrue(spoofed.json().getString("detail").contains("text/plain"), spoofed.toString());
        assertNothingStored(files);
    }

    @Test
    void anExecutableIsRefusedWhateverItIsCalled() {
        long files = storedFiles();
        assertProblem(415, sendFile(Part.file("file", "laporan.pdf", "application/pdf", Samples.executable())));
        assertNothingStored(files);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsStored() {
        long files = storedFiles();
        assertProblem(413, sendFile(Part.file("file", "big.png", "image/png", Samples.pngOfSize(LIMIT + 1))));
        assertNothingStored(files);
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        Api.Response sent = sendFile(Part.file("file", "max.png", "image/png", Samples.pngOfSize(LIMIT)));
        assertEquals(201, sent.status(), sent.toString());
        assertEquals(LIMIT, sent.json().getJsonNumber("fileSize").longValue());
    }

    @Test
    void aMissingFileAnUnknownTypeOrAnEmptyFileIsInvalid() {
        long files = storedFiles();
        assertProblem(400, sendFile(Part.field("text", "no file here")));
        assertProblem(400, sendFile(Part.file("file", "a.png", "image/png", Samples.png()), Part.field("type", "video")));
        assertProblem(400, sendFile(Part.file("file", "empty.png", "image/png", new byte[0])));
        assertNothingStored(files);
    }

    private Api.Response sendFile(Part... parts) {
        return ani.api().multipart("/api/conversations/" + conversation + "/messages", parts);
    }

    private void assertNothingStored(long filesBefore) {
        assertEquals(filesBefore, storedFiles(), "no stored file");
        assertEquals(0, ApiDatabase.count("SELECT count(*) FROM chat_messages WHERE conversation_id = ?", conversation), "no message");
        assertNull(ApiDatabase.value("SELECT last_message_at FROM conversations WHERE id = ?", conversation));
    }

    private static long storedFiles() {
        return ApiDatabase.count("SELECT count(*) FROM stored_files");
    }
}
