package id.narasiahli.aichat.entity;

import java.util.Locale;

/** The plan's chk_session_status values. A deleted session is hidden everywhere and purged by retention. */
public enum SessionStatus {
    ACTIVE, ARCHIVED, DELETED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
