package id.narasiahli.accounts.phonenumbers.control;

import id.narasiahli.accounts.control.KeyEncryptionKeys;
import id.narasiahli.schema.liquibase.SchemaSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Phone and WhatsApp numbers at rest: written encrypted with the current key-encryption key's phone-number
 * key, read with whichever configured key wrote them (the previous one during a rotation); values stored before
 * encryption are read as they are until PhoneNumbersAtRest encrypts them. In the {@code production} contexts
 * the service does not start without a key-encryption key; elsewhere (dev) numbers are then stored in plain text.
 */
@ApplicationScoped
public class PhoneNumbers {

    public static final String PHONE_NUMBER = "phone_number";
    public static final String WHATSAPP_NUMBER = "whatsapp_number";
    public static final List<String> COLUMNS = List.of(PHONE_NUMBER, WHATSAPP_NUMBER);

    private static volatile PhoneNumbers instance;

    @Inject
    KeyEncryptionKeys keyEncryptionKeys;

    @Inject
    SchemaSettings schema;

    /** Current first. */
    private List<PhoneNumberCipher> ciphers;

    public PhoneNumbers() {
        // for CDI
    }

    /** With these keys, current first (for tests). */
    PhoneNumbers(List<PhoneNumberCipher> ciphers) {
        this.ciphers = List.copyOf(ciphers);
    }

    @PostConstruct
    void derive() {
        ciphers = keyEncryptionKeys.all().stream().map(PhoneNumberCipher::derivedFrom).toList();
        if (ciphers.isEmpty() && schema.production()) {
            throw new IllegalStateException("No key protects the phone and WhatsApp numbers: set NARASI_AUTH_KEY_ENCRYPTION_KEY"
                    + " (narasi.auth.key-encryption-key, 32 random bytes in Base64: openssl rand -base64 32) or"
                    + " NARASI_AUTH_KEY_ENCRYPTION_KEY_FILE. Only non-production contexts (narasi.schema.contexts="
                    + schema.contexts() + ") may store them unencrypted");
        }
        if (ciphers.size() > 1 && ciphers.get(0).tag().equals(ciphers.get(1).tag())) {
            throw new IllegalStateException("The current and the previous key-encryption key share the tag " + ciphers.get(0).tag()
                    + " that marks encrypted phone numbers; generate another current key");
        }
    }

    /** For the JPA converters, which the container does not inject. */
    public static PhoneNumbers instance() {
        PhoneNumbers known = instance;
        if (known == null) {
            known = CDI.current().select(PhoneNumbers.class).get();
            instance = known;
        }
        return known;
    }

    public Optional<PhoneNumberCipher> current() {
        return ciphers.isEmpty() ? Optional.empty() : Optional.of(ciphers.get(0));
    }

    /** What to store for {@code plain} in {@code column}: encrypted when a key is configured. */
    public String conceal(String column, String plain) {
        if (plain == null || ciphers.isEmpty()) {
            return plain;
        }
        return ciphers.get(0).encrypt(plain, column);
    }

    /** The plain number of what {@code column} holds. */
    public String reveal(String column, String stored) {
        if (!PhoneNumberCipher.isEncrypted(stored)) {
            return stored; // null, or stored before encryption
        }
        return cipherFor(stored).decrypt(stored, column);
    }

    /** The configured key that wrote {@code stored} (an encrypted value); fails naming the one it needs. */
    public PhoneNumberCipher cipherFor(String stored) {
        String tag = PhoneNumberCipher.tagOf(stored);
        return ciphers.stream().filter(c -> c.tag().equals(tag)).findFirst().orElseThrow(() -> new IllegalStateException(
                "A phone number is encrypted with key-encryption key " + tag + "…, which is not configured (configured: "
                        + ciphers.stream().map(PhoneNumberCipher::tag).toList() + ")"));
    }
}
