package id.narasiahli.accounts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import id.narasiahli.accounts.entity.SigningKey;
import id.narasiahli.schema.liquibase.SchemaSettings;
import id.narasiahli.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the key that signs access tokens. An operator may configure one (PEM in {@code narasi.auth.signing-key}
 * or a file named by {@code narasi.auth.signing-key-file}); without one, the first instance generates an RSA
 * key pair into signing_keys and every other instance uses that same pair, so a token issued by one is
 * accepted by all. An advisory transaction lock makes instances starting together agree on one key.
 * <p>
 * Verification accepts every key in signing_keys (plus the configured one): to rotate, add the new key's row,
 * restart the instances (each signs with the newest); once the old tokens have expired, delete the old row.
 * {@link #publishVerificationKeys} runs at startup and then every
 * {@code narasi.auth.verification-key-refresh-seconds}, so every instance accepts a new key and refuses a removed
 * one within that time.
 * <p>
 * A stored private key is sealed with AES-256-GCM under the key-encryption key
 * ({@code narasi.auth.key-encryption-key} or {@code -file}), which never enters the database: a dump, replica
 * or backup alone cannot mint tokens. Keys stored in plain text earlier, or sealed with
 * {@code narasi.auth.previous-key-encryption-key}, are sealed again with the current one at startup. In the
 * {@code production} contexts the service refuses to start with neither a configured signing key nor a
 * key-encryption key; elsewhere (dev) it stores the key in plain text and says so.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final long GENERATION_LOCK = 0x4e41524153494b45L; // "NARASIKE"

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenSigner signer;

    @Inject
    VerificationKeys verificationKeys;

    /** The configured key's public half, verified besides the keys in signing_keys. */
    private volatile Map<String, String> configuredPublicKey = Map.of();

    @Inject
    @ConfigProperty(name = "narasi.auth.signing-key")
    Optional<String> configuredPem;

    @Inject
    @ConfigProperty(name = "narasi.auth.signing-key-file")
    Optional<String> configuredFile;

    @Inject
    KeyEncryptionKeys keyEncryptionKeys;

    @Inject
    SchemaSettings schema;

    @Transactional
    public void activate() {
        Optional<String> pem = configured();
        if (pem.isPresent()) {
            RSAPrivateCrtKey key = parse(pem.get());
            String kid = "configured-" + thumbprint(key);
            signer.use(kid, key);
            configuredPublicKey = Map.of(kid, Pem.publicKeyPem(Pem.publicKeyOf(key)));
            LOG.info(() -> "Access tokens are signed with the configured key " + kid);
            return;
        }
        List<KeyEncryption.Kek> keks = keyEncryptionKeys.all();
        if (keks.isEmpty() && production()) {
            throw new IllegalStateException("No key protects the token signing key: set NARASI_AUTH_KEY_ENCRYPTION_KEY"
                    + " (narasi.auth.key-encryption-key, 32 random bytes in Base64: openssl rand -base64 32) or"
                    + " NARASI_AUTH_KEY_ENCRYPTION_KEY_FILE, or configure the signing key itself (narasi.auth.signing-key"
                    + " or narasi.auth.signing-key-file). Without one, anyone with a copy of the database could mint"
                    + " administrator tokens; only non-production contexts (narasi.schema.contexts=" + schema.contexts()
                    + ") may store it unencrypted");
        }
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1)").setParameter(1, GENERATION_LOCK).getSingleResult();
        List<SigningKey> keys = em.createNamedQuery(SigningKey.NEWEST_FIRST, SigningKey.class).getResultList();
        keys.forEach(k -> sealAgainIfNeeded(k, keks));
        SigningKey active = keys.isEmpty() ? generate(keks) : keys.get(0);
        signer.use(active.kid(), Pem.privateKey(privateKeyPem(active, keks)));
        LOG.info(() -> "Access tokens are signed with the shared generated key " + active.kid()
                + (keks.isEmpty() ? ", stored UNENCRYPTED (no key-encryption key; not allowed in production)"
                : ", stored sealed with key-encryption key " + keks.get(0).id()));
    }

    /** Publishes the public keys of signing_keys (only kid and public_key are read) and the configured key. */
    @Transactional
    public void publishVerificationKeys() {
        Map<String, String> pems = new HashMap<>(configuredPublicKey);
        for (Object row : em.createNativeQuery("SELECT kid, public_key FROM signing_keys").getResultList()) {
            Object[] columns = (Object[]) row;
            pems.put((String) columns[0], (String) columns[1]);
        }
        verificationKeys.publish(pems);
    }

    private static String privateKeyPem(SigningKey key, List<KeyEncryption.Kek> keks) {
        return KeyEncryption.isSealed(key.privateKey()) ? KeyEncryption.open(key.privateKey(), keks, key.kid()) : key.privateKey();
    }

    private void sealAgainIfNeeded(SigningKey key, List<KeyEncryption.Kek> keks) {
        if (keks.isEmpty()) {
            if (KeyEncryption.isSealed(key.privateKey())) {
                throw new IllegalStateException("Signing key " + key.kid() + " is sealed with key-encryption key "
                        + KeyEncryption.sealedWith(key.privateKey()) + ", but no NARASI_AUTH_KEY_ENCRYPTION_KEY is configured");
            }
            return;
        }
        KeyEncryption.Kek current = keks.get(0);
        if (KeyEncryption.isSealed(key.privateKey()) && KeyEncryption.sealedWith(key.privateKey()).equals(current.id())) {
            return;
        }
        String before = KeyEncryption.isSealed(key.privateKey()) ? "key " + KeyEncryption.sealedWith(key.privateKey()) : "plain text";
        key.replacePrivateKey(KeyEncryption.seal(privateKeyPem(key, keks), current, key.kid()));
        LOG.info(() -> "Signing key " + key.kid() + " sealed again: from " + before + " to key-encryption key " + current.id());
    }

    private SigningKey generate(List<KeyEncryption.Kek> keks) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            String kid = "generated-" + thumbprint(key);
            String pem = Pem.privateKeyPem(key);
            SigningKey generated = new SigningKey(kid, "RS256", keks.isEmpty() ? pem : KeyEncryption.seal(pem, keks.get(0), kid),
                    Pem.publicKeyPem(Pem.publicKeyOf(key)), User.now());
            em.persist(generated);
            em.flush(); // publishVerificationKeys reads it in the same startup transaction
            LOG.info(() -> "Generated signing key " + generated.kid() + " and stored it for every instance");
            return generated;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean production() {
        return schema.production();
    }

    private Optional<String> configured() {
        if (configuredPem.isPresent()) {
            return configuredPem;
        }
        return configuredFile.map(file -> KeyEncryptionKeys.read(file, "narasi.auth.signing-key-file"));
    }

    private static RSAPrivateCrtKey parse(String pem) {
        try {
            return Pem.privateKey(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid setting narasi.auth.signing-key / narasi.auth.signing-key-file: "
                    + e.getMessage(), e);
        }
    }

    private static String thumbprint(RSAPrivateCrtKey key) {
        try {
            return new RSAKey.Builder(Pem.publicKeyOf(key)).build().computeThumbprint().toString().substring(0, 16);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
