package id.narasiahli.conversations.boundary;

import id.narasiahli.accounts.entity.User;
import id.narasiahli.conversations.control.Attachments;
import id.narasiahli.conversations.control.ConversationSummaries;
import id.narasiahli.conversations.control.MessageCursor;
import id.narasiahli.conversations.control.MessageHistory;
import id.narasiahli.conversations.entity.ChatMessage;
import id.narasiahli.conversations.entity.Conversation;
import id.narasiahli.files.boundary.FileStore;
import id.narasiahli.files.entity.StoredFile;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import id.narasiahli.platform.control.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The transaction border of one-to-one chat. Every operation first proves the caller is a participant;
 * for anyone else the conversation does not exist (404), so its id reveals nothing.
 */
@Stateless
public class Conversations {

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationSummaries summaries;

    @Inject
    MessageHistory history;

    @Inject
    Attachments attachments;

    @Inject
    FileStore files;

    public record Opened(ConversationView conversation, boolean created) {
    }

    /**
     * The conversation between the caller and {@code participantId}, created if there is none. Two users
     * asking at the same moment both insert; the unique index on the unordered pair lets exactly one insert
     * win and the other do nothing, and its following SELECT then sees the winner's committed row.
     */
    public Opened open(int me, int participantId) {
        if (me == participantId) {
            throw ApiException.invalid("participantId", "must be another user than yourself");
        }
        if (em.find(User.class, participantId) == null) {
            throw ApiException.notFound("User " + participantId);
        }
        LocalDateTime now = Timestamps.now();
        List<?> inserted = em.createNativeQuery("INSERT INTO conversations (participant1_id, participant2_id, created_at, updated_at)"
                        + " VALUES (?1, ?2, ?3, ?3) ON CONFLICT DO NOTHING RETURNING id")
                .setParameter(1, me).setParameter(2, participantId).setParameter(3, now).getResultList();
        int id = inserted.isEmpty() ? existing(me, participantId) : ((Number) inserted.get(0)).intValue();
        return new Opened(view(me, id), !inserted.isEmpty());
    }

    public Page<ConversationView> list(int me, String limit, String offset) {
        // Only PageRequest's limit and offset checks: the order (newest activity first) is fixed.
        PageRequest page = PageRequest.of(limit, offset, null, Map.of("activity", "activity"), "-activity");
        List<ConversationView> items = summaries.of(me, page.limit(), page.offset()).stream().map(Conversations::view).toList();
        return Page.of(items, summaries.count(me), page);
    }

    public ConversationView get(int me, int conversationId) {
        return view(me, conversationId);
    }

    public MessageView sendText(int me, int conversationId, String text) {
        Conversation conversation = participantOf(me, conversationId);
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("text", "must not be blank");
        }
        LocalDateTime now = touch(conversation);
        return save(ChatMessage.text(conversationId, me, text, now));
    }

    /**
     * Stores the attachment and its message in one transaction: a refused upload (413, 415) or a failed
     * message leaves no stored file behind, and retention can never see a file whose message is not committed.
     */
    public MessageView sendAttachment(int me, int conversationId, InputStream content, String clientFileName, String type,
                                      String caption) {
        Conversation conversation = participantOf(me, conversationId);
        if (caption != null && caption.length() > ChatMessage.TEXT_LENGTH) {
            throw ApiException.invalid("text", "must be at most " + ChatMessage.TEXT_LENGTH + " characters");
        }
        Attachments.Attachment attachment = attachments.read(content, type);
        StoredFile file = files.store(me, attachment.content(), clientFileName);
        LocalDateTime now = touch(conversation);
        return save(ChatMessage.attachment(conversationId, me, attachment.kind(), caption == null || caption.isBlank() ? null : caption,
                file.downloadPath(), file.fileName(), file.byteSize(), now));
    }

    public MessageView message(int me, int conversationId, int messageId) {
        participantOf(me, conversationId);
        return MessageView.of(messageIn(conversationId, messageId));
    }

    /** Marks the other participant's messages read up to {@code upToMessageId}; the caller's own stay as they are. */
    public ReadMark markRead(int me, int conversationId, int upToMessageId) {
        int other = participantOf(me, conversationId).otherThan(me);
        ChatMessage upTo = messageIn(conversationId, upToMessageId);
        int marked = history.markRead(conversationId, other, new MessageCursor(upTo.createdAt(), upTo.id()));
        return new ReadMark(conversationId, upToMessageId, marked, summaries.unreadFrom(other, conversationId));
    }

    private MessageView save(ChatMessage message) {
        em.persist(message);
        em.flush();
        return MessageView.of(message);
    }

    /**
     * Sets last_message_at in the sending transaction. The row lock this UPDATE takes also orders
     * concurrent senders of one conversation; GREATEST keeps the time from going back when they commit out of order.
     */
    private LocalDateTime touch(Conversation conversation) {
        LocalDateTime now = Timestamps.now();
        em.createNativeQuery("UPDATE conversations SET last_message_at = GREATEST(COALESCE(last_message_at, ?2), ?2),"
                        + " updated_at = ?2 WHERE id = ?1")
                .setParameter(1, conversation.id()).setParameter(2, now).executeUpdate();
        return now;
    }

    private Conversation participantOf(int me, int conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null || !conversation.hasParticipant(me)) {
            throw ApiException.notFound("Conversation " + conversationId);
        }
        return conversation;
    }

    private ChatMessage messageIn(int conversationId, int messageId) {
        ChatMessage message = em.find(ChatMessage.class, messageId);
        if (message == null || message.conversationId() != conversationId) {
            throw ApiException.notFound("Message " + messageId + " in conversation " + conversationId);
        }
        return message;
    }

    private int existing(int me, int other) {
        return ((Number) em.createNativeQuery("SELECT id FROM conversations"
                        + " WHERE LEAST(participant1_id, participant2_id) = LEAST(?1, ?2)"
                        + " AND GREATEST(participant1_id, participant2_id) = GREATEST(?1, ?2)")
                .setParameter(1, me).setParameter(2, other).getSingleResult()).intValue();
    }

    private ConversationView view(int me, int conversationId) {
        return summaries.one(me, conversationId).map(Conversations::view)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
    }

    private static ConversationView view(ConversationSummaries.Summary s) {
        ConversationView.MessagePreview last = s.lastMessage() == null ? null : new ConversationView.MessagePreview(
                s.lastMessage().id(), s.lastMessage().senderId(), s.lastMessage().type(),
                ConversationView.MessagePreview.of(s.lastMessage().text(), s.lastMessage().fileName()),
                Timestamps.instant(s.lastMessage().createdAt()));
        return new ConversationView(s.id(), new ConversationView.Participant(s.otherId(), s.otherName()),
                Timestamps.instant(s.createdAt()), Timestamps.instant(s.lastMessageAt()), last, s.unread());
    }
}
