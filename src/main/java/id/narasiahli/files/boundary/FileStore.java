package id.narasiahli.files.boundary;

import id.narasiahli.accounts.entity.User;
import id.narasiahli.files.control.FileNames;
import id.narasiahli.files.control.UploadedContent;
import id.narasiahli.files.entity.StoredFile;
import id.narasiahli.platform.control.ApiException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Stores uploads and hands them out to whoever may read them. */
@Stateless
public class FileStore {

    @PersistenceContext
    EntityManager em;

    public StoredFile store(int ownerId, UploadedContent content, String clientFileName) {
        StoredFile file = new StoredFile(UUID.randomUUID(), ownerId, content.contentType(), sha256(content.bytes()),
                FileNames.sanitize(clientFileName), content.bytes(), User.now());
        em.persist(file);
        return file;
    }

    /** The file if {@code userId} may read it: its owner, or a participant of a conversation it was sent in. 404 otherwise. */
    public StoredFile readable(String id, int userId) {
        UUID uuid = parse(id);
        StoredFile file = uuid == null ? null : em.find(StoredFile.class, uuid);
        if (file == null || !(file.ownerId() == userId || sharedInConversation(file, userId))) {
            throw ApiException.notFound("File " + id);
        }
        return file;
    }

    public void delete(UUID id) {
        StoredFile file = em.find(StoredFile.class, id);
        if (file != null) {
            em.remove(file);
        }
    }

    private boolean sharedInConversation(StoredFile file, int userId) {
        Number shared = (Number) em.createNativeQuery("""
                        SELECT count(*) FROM chat_messages m JOIN conversations c ON c.id = m.conversation_id
                         WHERE m.file_url = ?1 AND (c.participant1_id = ?2 OR c.participant2_id = ?2)""")
                .setParameter(1, file.downloadPath()).setParameter(2, userId).getSingleResult();
        return shared.longValue() > 0;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
