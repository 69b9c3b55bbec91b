package id.narasiahli.conversations.control;

import id.narasiahli.platform.control.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a page of message history ends: the (created_at, id) of its oldest message. The next page is
 * everything strictly before it in that order, which one index range scan finds however deep the page is
 * (an OFFSET would read and discard every newer row first). Opaque to clients, so its form may change.
 */
public record MessageCursor(LocalDateTime createdAt, int id) {

    public static final String PARAMETER = "before";

    public String encode() {
        long micros = ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), createdAt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    public static MessageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 2) {
                throw new IllegalArgumentException("two parts expected");
            }
            LocalDateTime at = LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC).plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            return new MessageCursor(at, Integer.parseInt(parts[1]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw ApiException.invalid(PARAMETER, "is not a cursor this API gave out (use nextCursor of the previous page)");
        }
    }
}
