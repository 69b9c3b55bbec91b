package id.narasiahli.conversations.boundary;

/** The outcome of marking messages read: how many changed, and how many of the other's messages are still unread. */
public record ReadMark(int conversationId, int upToMessageId, int marked, long unreadCount) {
}
