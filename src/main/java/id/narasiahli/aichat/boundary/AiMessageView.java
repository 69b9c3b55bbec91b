package id.narasiahli.aichat.boundary;

import id.narasiahli.aichat.entity.AiChatMessage;
import id.narasiahli.platform.control.Timestamps;

import java.time.Instant;

public record AiMessageView(int id, int sessionId, String messageType, String content, Instant createdAt) {

    static AiMessageView of(AiChatMessage m) {
        return new AiMessageView(m.id(), m.sessionId(), m.type().value(), m.content(), Timestamps.instant(m.createdAt()));
    }
}
