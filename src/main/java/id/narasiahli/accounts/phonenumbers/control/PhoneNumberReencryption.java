package id.narasiahli.accounts.phonenumbers.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Brings stored numbers to the current key, one batch of users (by id) per short transaction: plain values
 * are encrypted, values of the previous key are encrypted again. A row is written only if it still holds what
 * was read, so a number the user changes meanwhile is never overwritten (and an instance starting at the same
 * time computes the same text: FF1 is deterministic). A value that is not an international number (stored by
 * hand before the profile checked the format) cannot take the encrypted form and is left as it is, counted.
 */
@ApplicationScoped
public class PhoneNumberReencryption {

    /** What one batch did: the last id it looked at (null when there was nothing left), rows written, values left. */
    public record Batch(Integer lastId, int written, int leftPlain) {
    }

    private static final String PENDING = "SELECT id, phone_number, whatsapp_number FROM users WHERE id > ?1"
            + " AND (phone_number NOT LIKE ?2 OR whatsapp_number NOT LIKE ?2) ORDER BY id LIMIT ?3";
    private static final String WRITE = "UPDATE users SET phone_number = ?1, whatsapp_number = ?2 WHERE id = ?3"
            + " AND phone_number IS NOT DISTINCT FROM ?4 AND whatsapp_number IS NOT DISTINCT FROM ?5";

    @PersistenceContext
    EntityManager em;

    @Inject
    PhoneNumbers numbers;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch next(int afterId, int size) {
        PhoneNumberCipher current = numbers.current().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PENDING).setParameter(1, afterId)
                .setParameter(2, current.prefix() + "%").setParameter(3, size).getResultList();
        int written = 0;
        int left = 0;
        for (Object[] row : rows) {
            String phone = (String) row[1];
            String whatsapp = (String) row[2];
            String newPhone = reencrypted(PhoneNumbers.PHONE_NUMBER, phone, current);
            String newWhatsapp = reencrypted(PhoneNumbers.WHATSAPP_NUMBER, whatsapp, current);
            left += (isLeft(newPhone) ? 1 : 0) + (isLeft(newWhatsapp) ? 1 : 0);
            if (!java.util.Objects.equals(phone, newPhone) || !java.util.Objects.equals(whatsapp, newWhatsapp)) {
                written += em.createNativeQuery(WRITE).setParameter(1, newPhone).setParameter(2, newWhatsapp)
                        .setParameter(3, row[0]).setParameter(4, phone).setParameter(5, whatsapp).executeUpdate();
            }
        }
        return new Batch(rows.isEmpty() ? null : ((Number) rows.get(rows.size() - 1)[0]).intValue(), written, left);
    }

    /** How many stored values are encrypted with some key (to refuse starting without one). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long encryptedValues() {
        return ((Number) em.createNativeQuery("SELECT (SELECT count(*) FROM users WHERE phone_number LIKE ?1)"
                + " + (SELECT count(*) FROM users WHERE whatsapp_number LIKE ?1)")
                .setParameter(1, PhoneNumberCipher.MARKER + "%").getSingleResult()).longValue();
    }

    private String reencrypted(String column, String stored, PhoneNumberCipher current) {
        if (stored == null || stored.startsWith(current.prefix())) {
            return stored;
        }
        String plain = numbers.reveal(column, stored);
        return PhoneNumberCipher.PLAIN.matcher(plain).matches() ? current.encrypt(plain, column) : stored;
    }

    private static boolean isLeft(String stored) {
        return stored != null && !PhoneNumberCipher.isEncrypted(stored);
    }
}
