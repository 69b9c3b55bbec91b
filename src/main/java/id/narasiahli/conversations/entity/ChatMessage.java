package id.narasiahli.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.Objects;

/** A message in a conversation: text, or an attachment (image, file, audio) with an optional caption. */
@Entity
@Table(name = "chat_messages")
public class ChatMessage {

    public static final int TEXT_LENGTH = 10_000;
    public static final int FILE_URL_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private Integer conversationId;

    @Column(name = "sender_id", nullable = false, updatable = false)
    private Integer senderId;

    @Column(name = "message_text")
    private String text;

    @Convert(converter = MessageTypeConverter.class)
    @Column(name = "message_type", nullable = false, length = 20)
    private MessageType type;

    @Column(name = "file_url", length = FILE_URL_LENGTH)
    private String fileUrl;

    @Column(name = "file_name", length = 255)
    private String fileName;

    @Column(name = "file_size")
    private Long fileSize;

    @Column(name = "is_read")
    private Boolean read;

    @Column(name = "created_at", updatable = false)
    private LocalDateTime createdAt;

    protected ChatMessage() {
        // for JPA
    }

    private ChatMessage(int conversationId, int senderId, MessageType type, String text, String fileUrl, String fileName,
                        Long fileSize, LocalDateTime createdAt) {
        this.conversationId = conversationId;
        this.senderId = senderId;
        this.type = Objects.requireNonNull(type);
        this.text = text;
        this.fileUrl = fileUrl;
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.read = false;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public static ChatMessage text(int conversationId, int senderId, String text, LocalDateTime at) {
        return new ChatMessage(conversationId, senderId, MessageType.TEXT, Objects.requireNonNull(text), null, null, null, at);
    }

    public static ChatMessage attachment(int conversationId, int senderId, MessageType type, String caption, String fileUrl,
                                         String fileName, long fileSize, LocalDateTime at) {
        if (type == MessageType.TEXT) {
            throw new IllegalArgumentException("An attachment is an image, a file or audio");
        }
        return new ChatMessage(conversationId, senderId, type, caption, Objects.requireNonNull(fileUrl), fileName, fileSize, at);
    }

    public Integer id() {
        return id;
    }

    public Integer conversationId() {
        return conversationId;
    }

    public Integer senderId() {
        return senderId;
    }

    public MessageType type() {
        return type;
    }

    public String text() {
        return text;
    }

    public String fileUrl() {
        return fileUrl;
    }

    public String fileName() {
        return fileName;
    }

    public Long fileSize() {
        return fileSize;
    }

    public boolean isRead() {
        return Boolean.TRUE.equals(read);
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
