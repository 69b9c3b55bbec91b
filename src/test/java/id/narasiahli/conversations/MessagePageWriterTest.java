package id.narasiahli.conversations;

import id.narasiahli.conversations.boundary.MessagePage;
import id.narasiahli.conversations.boundary.MessagePageWriter;
import id.narasiahli.conversations.boundary.MessageView;
import id.narasiahli.platform.boundary.JsonbSettings;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history page's writer gives JSON-B's bytes, with the API's JSON-B settings, for every shape a page takes. */
class MessagePageWriterTest {

    private static final Jsonb JSONB = new JsonbSettings().getContext(MessagePage.class);

    private static final Instant AT = Instant.parse("2026-01-12T13:46:40.123456Z");

    private static final MessageView TEXT = new MessageView(1_000_000, 7, 42, "text",
            "Halo \"Budi\" \\ </script>\n\t\u0001 \u00e9 \ud83d\ude00 \u2028", null, null, null, false, AT);

    private static final MessageView IMAGE = new MessageView(999_999, 7, 43, "image", null,
            "/api/files/3f2a9c1e-0000-4000-8000-000000000001", "foto liburan.jpg", 2_147_483_648L, true,
            Instant.parse("2026-01-12T13:46:40Z"));

    private static final MessageView CAPTIONED = new MessageView(5, 7, 42, "file", "",
            "/api/files/x", "laporan \"akhir\".pdf", 0L, false, Instant.parse("1999-12-31T23:59:59.999999Z"));

    private static final MessageView WITHOUT_TIME = new MessageView(0, 0, 0, "audio", null, null, null, null, false, null);

    @Test
    void writesWhatJsonbWritesForEveryShapeOfPage() {
        List<MessagePage> pages = List.of(
                new MessagePage(List.of(), 50, null),
                new MessagePage(List.of(TEXT), 1, "MjAyNi0wMS0xMlQxMzo0NjowMC4xMjM0NTZ8OTk5OTk5"),
                new MessagePage(List.of(TEXT, IMAGE, CAPTIONED, WITHOUT_TIME), 100, null),
                new MessagePage(List.of(IMAGE, IMAGE), 2, ""));
        for (MessagePage page : pages) {
            byte[] expected = JSONB.toJson(page).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, written(page), () -> JSONB.toJson(page));
        }
    }

    @Test
    void writesNullsAndMembersInJsonbOrder() {
        assertEquals("{\"items\":[{\"conversationId\":0,\"createdAt\":null,\"fileName\":null,\"fileSize\":null,"
                        + "\"fileUrl\":null,\"id\":0,\"messageType\":\"audio\",\"read\":false,\"senderId\":0,\"text\":null}],"
                        + "\"limit\":1,\"nextCursor\":null}",
                new String(written(new MessagePage(List.of(WITHOUT_TIME), 1, null)), StandardCharsets.UTF_8));
    }

    @Test
    void writesOnlyPages() {
        MessagePageWriter writer = new MessagePageWriter();
        assertTrue(writer.isWriteable(MessagePage.class, MessagePage.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertFalse(writer.isWriteable(MessageView.class, MessageView.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
    }

    private static byte[] written(MessagePage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MessagePageWriter().writeTo(page, MessagePage.class, MessagePage.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, null, out);
        return out.toByteArray();
    }
}
