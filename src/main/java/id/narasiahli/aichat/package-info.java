/**
 * Conversations with an AI assistant: sessions (active, archived, deleted and later purged by retention),
 * their user and assistant messages with a message_count that stays exact under concurrent appends, usage
 * logs whose duration the server computes, and a per-user usage summary.
 */
package id.narasiahli.aichat;
