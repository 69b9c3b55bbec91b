package id.narasiahli.accounts.phonenumbers.boundary;

import id.narasiahli.accounts.phonenumbers.control.PhoneNumberCipher;
import id.narasiahli.accounts.phonenumbers.control.PhoneNumberReencryption;
import id.narasiahli.accounts.phonenumbers.control.PhoneNumbers;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * At startup, once the schema is at head: every phone and WhatsApp number not yet encrypted with the current
 * key (stored before encryption, by the dev seed data, or with the previous key of a rotation) is encrypted
 * with it, in batches of {@code narasi.auth.phone-number-batch-size} users, each its own short transaction.
 * Without a key-encryption key (only allowed outside production) it only checks that nothing is encrypted
 * already: such values could not be read. After AccountsBootstrap, so that without a key-encryption key the
 * signing key's refusal (the message operators know) comes first.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigrator", "AccountsBootstrap"})
public class PhoneNumbersAtRest {

    private static final Logger LOG = Logger.getLogger(PhoneNumbersAtRest.class.getName());

    @Inject
    PhoneNumbers numbers;

    @Inject
    PhoneNumberReencryption reencryption;

    @Inject
    @ConfigProperty(name = "narasi.auth.phone-number-batch-size", defaultValue = "500")
    int batchSize;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void encryptStoredNumbers() {
        Optional<PhoneNumberCipher> current = numbers.current();
        if (current.isEmpty()) {
            long encrypted = reencryption.encryptedValues();
            if (encrypted > 0) {
                throw new IllegalStateException(encrypted + " phone or WhatsApp numbers are encrypted, but no"
                        + " NARASI_AUTH_KEY_ENCRYPTION_KEY is configured to read them");
            }
            LOG.warning("Phone and WhatsApp numbers are stored UNENCRYPTED (no key-encryption key; not allowed in production)");
            return;
        }
        long started = System.nanoTime();
        int written = 0;
        int left = 0;
        Integer after = 0;
        while (after != null) {
            PhoneNumberReencryption.Batch batch = reencryption.next(after, Math.max(1, batchSize));
            written += batch.written();
            left += batch.leftPlain();
            after = batch.lastId();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int rows = written;
        LOG.info(() -> "Phone and WhatsApp numbers are encrypted with key-encryption key " + current.get().tag()
                + "…; " + rows + " users' numbers encrypted now, in " + millis + " ms");
        if (left > 0) {
            int plain = left;
            LOG.warning(() -> plain + " stored phone or WhatsApp numbers are not international numbers ('+' and 8 to 15"
                    + " digits) and stay UNENCRYPTED; correct them (PATCH /api/me) or clear them");
        }
    }
}
