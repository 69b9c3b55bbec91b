package id.narasiahli.conversations.control;

import id.narasiahli.conversations.entity.MessageType;
import id.narasiahli.files.control.UploadedContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.util.Optional;

/** Reads a chat attachment within the configured size and decides its kind from its content. */
@ApplicationScoped
public class Attachments {

    public static final String MAX_BYTES_SETTING = "narasi.chat.attachment-max-bytes";

    @Inject
    @ConfigProperty(name = MAX_BYTES_SETTING, defaultValue = "10485760")
    long maxBytes;

    public record Attachment(MessageType kind, UploadedContent content) {
    }

    /** 413 past the limit, 415 when the content is not of an accepted (or of the requested) kind. */
    public Attachment read(InputStream in, String requestedType) {
        Optional<MessageType> requested = AttachmentTypes.requested(requestedType);
        UploadedContent content = UploadedContent.read(in, maxBytes, AttachmentTypes.allowed(requested));
        return new Attachment(AttachmentTypes.kindOf(content.contentType(), requested), content);
    }

    public long maxBytes() {
        return maxBytes;
    }
}
