package id.narasiahli.conversations.control;

import id.narasiahli.conversations.entity.MessageType;
import id.narasiahli.platform.control.ApiException;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which detected content types each kind of attachment accepts. The type is what Apache Tika reads from the
 * bytes, never the name or the declared Content-Type. Left out on purpose: HTML and SVG (they carry script),
 * executables and scripts. Office documents appear as Tika's container types because only tika-core is
 * bundled (magic bytes, no parsers).
 */
public final class AttachmentTypes {

    private static final Map<MessageType, Set<String>> ALLOWED = Map.of(
            MessageType.IMAGE, Set.of("image/jpeg", "image/png", "image/gif", "image/webp"),
            // Browsers record voice notes as WebM or Ogg/Opus, phones as AAC in MP4 (m4a) or AMR.
            MessageType.AUDIO, Set.of("audio/mpeg", "audio/mp4", "audio/ogg", "audio/opus", "audio/vorbis", "application/ogg",
                    "audio/vnd.wave", "audio/wav", "audio/x-wav", "audio/amr", "audio/webm", "video/webm", "audio/aac"),
            MessageType.FILE, Set.of("application/pdf", "text/plain", "text/csv", "application/rtf", "application/zip",
                    "application/x-tika-ooxml", "application/x-tika-msoffice", "application/msword",
                    "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
                    "application/vnd.oasis.opendocument.presentation"));

    /** Checked in this order when the client does not say which kind it sends. */
    private static final MessageType[] KINDS = {MessageType.IMAGE, MessageType.AUDIO, MessageType.FILE};

    private AttachmentTypes() {
    }

    /** The kind the client asked for (image, file or audio), or empty to decide from the content. */
    public static Optional<MessageType> requested(String type) {
        if (type == null || type.isBlank()) {
            return Optional.empty();
        }
        String value = type.trim().toLowerCase(Locale.ROOT);
        for (MessageType kind : KINDS) {
            if (kind.value().equals(value)) {
                return Optional.of(kind);
            }
        }
        throw ApiException.invalid("type", "must be image, file or audio");
    }

    public static Set<String> allowed(Optional<MessageType> requested) {
        if (requested.isPresent()) {
            return ALLOWED.get(requested.get());
        }
        Set<String> all = new LinkedHashSet<>();
        for (MessageType kind : KINDS) {
            all.addAll(ALLOWED.get(kind));
        }
        return all;
    }

    /** The kind for an accepted content type: the requested one, or the first kind that accepts it. */
    public static MessageType kindOf(String contentType, Optional<MessageType> requested) {
        if (requested.isPresent()) {
            return requested.get();
        }
        for (MessageType kind : KINDS) {
            if (ALLOWED.get(kind).contains(contentType)) {
                return kind;
            }
        }
        throw ApiException.unsupportedMediaType("The file's content is " + contentType + ", which is not accepted");
    }
}
