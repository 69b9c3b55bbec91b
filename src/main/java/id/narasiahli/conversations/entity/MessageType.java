package id.narasiahli.conversations.entity;

import java.util.Locale;

/** The plan's chk_message_type values; a text message has text, the others a file. */
public enum MessageType {
    TEXT, IMAGE, FILE, AUDIO;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageType of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
