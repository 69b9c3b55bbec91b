package id.narasiahli.conversations.boundary;

import id.narasiahli.conversations.control.MessageHistory;
import id.narasiahli.conversations.entity.ChatMessage;
import id.narasiahli.platform.control.Timestamps;
import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;

/** A chat message; fileUrl is the authenticated download path of an attachment. */
@JsonbNillable
public record MessageView(int id, int conversationId, int senderId, String messageType, String text, String fileUrl,
                          String fileName, Long fileSize, boolean read, Instant createdAt) {

    static MessageView of(MessageHistory.Row m) {
        return new MessageView(m.id(), m.conversationId(), m.senderId(), m.messageType(), m.text(), m.fileUrl(),
                m.fileName(), m.fileSize(), m.read(), Timestamps.instant(m.createdAt()));
    }

    static MessageView of(ChatMessage m) {
        return new MessageView(m.id(), m.conversationId(), m.senderId(), m.type().value(), m.text(), m.fileUrl(),
                m.fileName(), m.fileSize(), m.isRead(), Timestamps.instant(m.createdAt()));
    }
}
