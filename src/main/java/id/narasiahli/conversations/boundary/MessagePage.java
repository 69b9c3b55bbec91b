package id.narasiahli.conversations.boundary;

import jakarta.json.bind.annotation.JsonbNillable;

import java.util.List;

/**
 * Messages newest first. nextCursor, when present, is the {@code before} value for the next (older) page.
 * No total: counting a long history on every page would cost what the cursor saves.
 */
@JsonbNillable
public record MessagePage(List<MessageView> items, int limit, String nextCursor) {
}
