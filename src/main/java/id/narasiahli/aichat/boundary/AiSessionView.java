package id.narasiahli.aichat.boundary;

import id.narasiahli.aichat.entity.AiChatSession;
import id.narasiahli.platform.control.Timestamps;
import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;

@JsonbNillable
public record AiSessionView(int id, String aiSessionId, String agentId, String title, int messageCount, String status,
                            Instant createdAt, Instant updatedAt) {

    static AiSessionView of(AiChatSession s) {
        return new AiSessionView(s.id(), s.aiSessionId(), s.agentId(), s.title(), s.messageCount(), s.status().value(),
                Timestamps.instant(s.createdAt()), Timestamps.instant(s.updatedAt()));
    }
}
