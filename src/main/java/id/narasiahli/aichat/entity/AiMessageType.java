package id.narasiahli.aichat.entity;

import java.util.Locale;

/** The plan's chk_ai_message_type values: who wrote the message. */
public enum AiMessageType {
    USER, ASSISTANT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AiMessageType of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
