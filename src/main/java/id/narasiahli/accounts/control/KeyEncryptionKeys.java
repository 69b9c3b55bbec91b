package id.narasiahli.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured key-encryption keys: {@code narasi.auth.key-encryption-key} (or the file named by
 * {@code narasi.auth.key-encryption-key-file}), then {@code narasi.auth.previous-key-encryption-key} during a
 * rotation. They seal the signing key (SigningKeys, directly) and are the root of the phone-number key
 * (PhoneNumbers, through HKDF with its own label), and never enter the database.
 */
@ApplicationScoped
public class KeyEncryptionKeys {

    @Inject
    @ConfigProperty(name = "narasi.auth.key-encryption-key")
    Optional<String> keyEncryptionKey;

    @Inject
    @ConfigProperty(name = "narasi.auth.key-encryption-key-file")
    Optional<String> keyEncryptionKeyFile;

    @Inject
    @ConfigProperty(name = "narasi.auth.previous-key-encryption-key")
    Optional<String> previousKeyEncryptionKey;

    /** The current key first, then the previous one (for values sealed before a rotation); empty when none is set. */
    public List<KeyEncryption.Kek> all() {
        List<KeyEncryption.Kek> keks = new ArrayList<>();
        // an empty variable (NARASI_AUTH_KEY_ENCRYPTION_KEY=) means none, as if it were not set
        Optional<String> current = keyEncryptionKey.filter(k -> !k.isBlank()).or(() -> keyEncryptionKeyFile
                .filter(f -> !f.isBlank()).map(file -> read(file, "narasi.auth.key-encryption-key-file")));
        current.ifPresent(k -> keks.add(KeyEncryption.Kek.parse(k, "narasi.auth.key-encryption-key")));
        if (previousKeyEncryptionKey.filter(k -> !k.isBlank()).isPresent()) {
            if (keks.isEmpty()) {
                throw new IllegalStateException("narasi.auth.previous-key-encryption-key is set without a current"
                        + " narasi.auth.key-encryption-key to seal values again with");
            }
            keks.add(KeyEncryption.Kek.parse(previousKeyEncryptionKey.get(), "narasi.auth.previous-key-encryption-key"));
        }
        return keks;
    }

    static String read(String file, String setting) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + setting + " " + file + ": " + e.getMessage(), e);
        }
    }
}
