package id.narasiahli.aichat.boundary;

import id.narasiahli.aichat.entity.AiChatLog;
import id.narasiahli.platform.control.Timestamps;
import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;

/** A usage log; totalDuration is in whole seconds, 0 until the log ends. */
@JsonbNillable
public record AiLogView(int id, int sessionId, Instant startDate, Instant endDate, long totalDuration) {

    static AiLogView of(AiChatLog l) {
        return new AiLogView(l.id(), l.sessionId(), Timestamps.instant(l.startDate()), Timestamps.instant(l.endDate()),
                l.totalDuration());
    }
}
