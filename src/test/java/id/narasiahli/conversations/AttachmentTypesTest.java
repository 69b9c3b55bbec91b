package id.narasiahli.conversations;

import id.narasiahli.conversations.control.AttachmentTypes;
import id.narasiahli.conversations.entity.MessageType;
import id.narasiahli.platform.control.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttachmentTypesTest {

    @Test
    void kindFollowsTheDetectedContentWhenNoneIsRequested() {
        assertEquals(MessageType.IMAGE, AttachmentTypes.kindOf("image/png", Optional.empty()));
        assertEquals(MessageType.AUDIO, AttachmentTypes.kindOf("audio/mpeg", Optional.empty()));
        assertEquals(MessageType.FILE, AttachmentTypes.kindOf("application/pdf", Optional.empty()));
    }

    @Test
    void requestedKindNarrowsWhatIsAccepted() {
        assertEquals(Optional.of(MessageType.IMAGE), AttachmentTypes.requested(" Image "));
        assertFalse(AttachmentTypes.allowed(Optional.of(MessageType.IMAGE)).contains("text/plain"));
        assertTrue(AttachmentTypes.allowed(Optional.empty()).contains("text/plain"));
    }

    @Test
    void scriptCarryingAndExecutableTypesAreNeverAccepted() {
        for (String type : new String[]{"text/html", "image/svg+xml", "application/x-msdownload", "application/x-elf", "application/x-sh"}) {
            assertFalse(AttachmentTypes.allowed(Optional.empty()).contains(type), type);
        }
    }

    @Test
    void textIsNotAnAttachmentKind() {
        ApiException e = assertThrows(ApiException.class, () -> AttachmentTypes.requested("text"));
        assertEquals("type", e.fieldErrors().get(0).field());
    }
}
