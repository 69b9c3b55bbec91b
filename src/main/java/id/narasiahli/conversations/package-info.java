/**
 * One-to-one chat between two users: the one conversation per pair (get-or-create, race-free through the
 * LEAST/GREATEST unique index), text and attachment messages (attachments stored by the files component,
 * typed by their content), message history with a keyset cursor, read marks. Only the two participants see
 * a conversation, its messages and its attachments; everyone else gets 404, as if it did not exist.
 */
package id.narasiahli.conversations;
