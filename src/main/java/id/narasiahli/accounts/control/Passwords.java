package id.narasiahli.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA512, OWASP's 210,000 iterations by default). The
 * stored hash names its own parameters, so raising the iteration count later keeps old hashes verifiable.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "narasi.auth.pbkdf2-iterations", defaultValue = "210000")
    int iterations;

    /** Verified against when the account does not exist, so both cases take the same time. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        decoy = hash(Base64.getEncoder().encodeToString(random));
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return password != null && hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of a real check and fails: for logins to accounts that do not exist. */
    public boolean failAfterDecoyCheck(String password) {
        hash.verify((password == null ? "" : password).toCharArray(), decoy);
        return false;
    }
}
