package id.narasiahli.bench;

import id.narasiahli.testsupport.database.ApiDatabase;

/** Bulk data for the benchmarks, written in the database (generate_series), not through the API. */
final class Fill {

    private Fill() {
    }

    /** {@code messages} read text messages in {@code conversation}, one a second from 2026-01-01, the two sides taking turns. */
    static void conversation(int conversation, int first, int second, int messages) {
        ApiDatabase.execute("""
                INSERT INTO chat_messages (conversation_id, sender_id, message_text, message_type, is_read, created_at)
                SELECT ?, CASE WHEN g % 2 = 0 THEN ? ELSE ? END, 'Pesan nomor ' || g, 'text', true,
                       TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 second'
                  FROM generate_series(1, ?) g""", conversation, first, second, messages);
        ApiDatabase.execute("UPDATE conversations SET last_message_at = (SELECT max(created_at) FROM chat_messages"
                + " WHERE conversation_id = ?) WHERE id = ?", conversation, conversation);
    }
}
