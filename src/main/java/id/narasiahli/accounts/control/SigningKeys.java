package id.narasiahli.accounts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import id.narasiahli.accounts.entity.SigningKey;
import id.narasiahli.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the key that signs access tokens. Production configures one (PEM in {@code narasi.auth.signing-key}
 * or a file named by {@code narasi.auth.signing-key-file}); without one, the first instance generates an RSA
 * key pair into signing_keys and every other instance uses that same pair, so a token issued by one is
 * accepted by all. An advisory transaction lock makes instances starting together agree on one key.
 * <p>
 * Verification accepts every key in signing_keys (plus the configured one): to rotate, add the new key's row,
 * restart the instances (each signs with the newest); once the old tokens have expired, delete the old row.
 * {@link #publishVerificationKeys} runs at startup and then every
 * {@code narasi.auth.verification-key-refresh-seconds}, so every instance accepts a new key and refuses a removed
 * one within that time.
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
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1)").setParameter(1, GENERATION_LOCK).getSingleResult();
        List<SigningKey> keys = em.createNamedQuery(SigningKey.NEWEST_FIRST, SigningKey.class).setMaxResults(1).getResultList();
        SigningKey active = keys.isEmpty() ? generate() : keys.get(0);
        signer.use(active.kid(), Pem.privateKey(active.privateKey()));
        LOG.info(() -> "Access tokens are signed with the shared generated key " + active.kid()
                + " (no narasi.auth.signing-key configured)");
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

    private SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            SigningKey generated = new SigningKey("generated-" + thumbprint(key), "RS256", Pem.privateKeyPem(key),
                    Pem.publicKeyPem(Pem.publicKeyOf(key)), User.now());
            em.persist(generated);
            em.flush(); // publishVerificationKeys reads it in the same startup transaction
            LOG.info(() -> "Generated signing key " + generated.kid() + " and stored it for every instance");
            return generated;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> configured() {
        if (configuredPem.isPresent()) {
            return configuredPem;
        }
        return configuredFile.map(file -> {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read narasi.auth.signing-key-file " + file + ": " + e.getMessage(), e);
            }
        });
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
