package id.narasiahli.conversations;

import id.narasiahli.conversations.control.MessageCursor;
import id.narasiahli.platform.control.ApiException;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageCursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        MessageCursor cursor = new MessageCursor(LocalDateTime.of(2026, 11, 21, 13, 5, 7, 123_456_000), 987_654);
        assertEquals(cursor, MessageCursor.decode(cursor.encode()));
    }

    @Test
    void roundTripsTimesBeforeTheEpoch() {
        MessageCursor cursor = new MessageCursor(LocalDateTime.of(1960, 1, 1, 0, 0, 0, 1_000), 1);
        assertEquals(cursor, MessageCursor.decode(cursor.encode()));
    }

    @Test
    void isUrlSafe() {
        String encoded = new MessageCursor(LocalDateTime.of(2030, 5, 5, 5, 5), Integer.MAX_VALUE).encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
    }

    @Test
    void rejectsWhatItDidNotIssueAsInvalidBefore() {
        for (String junk : new String[]{"!!!", "bm9wZQ", "MTIzLmFiYw", "MS4yLjM"}) {
            ApiException e = assertThrows(ApiException.class, () -> MessageCursor.decode(junk), junk);
            assertEquals(400, e.status());
            assertEquals("before", e.fieldErrors().get(0).field());
        }
    }
}
