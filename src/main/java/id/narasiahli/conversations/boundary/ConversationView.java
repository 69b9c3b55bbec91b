package id.narasiahli.conversations.boundary;

import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;

/** A conversation as one participant sees it: the other person, the latest message, what they have not read. */
@JsonbNillable
public record ConversationView(int id, Participant participant, Instant createdAt, Instant lastMessageAt,
                               MessagePreview lastMessage, long unreadCount) {

    /** Only the public name: chat never exposes another user's email or phone. */
    public record Participant(int id, String fullName) {
    }

    @JsonbNillable
    public record MessagePreview(int id, int senderId, String messageType, String preview, Instant createdAt) {

        public static final int LENGTH = 120;

        static String of(String text, String fileName) {
            String shown = text != null && !text.isBlank() ? text : fileName;
            if (shown == null) {
                return null;
            }
            String line = shown.strip().replaceAll("\\s+", " ");
            return line.length() <= LENGTH ? line : line.substring(0, LENGTH - 1) + "…";
        }
    }
}
