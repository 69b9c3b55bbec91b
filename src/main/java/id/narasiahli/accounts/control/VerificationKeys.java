package id.narasiahli.accounts.control;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The public keys that verify access tokens, by key id, each already turned into a verifier: a token check
 * looks one up and parses nothing. {@link #publish} is given the key set from time to time (startup, then
 * every refresh of {@link SigningKeys}) and rebuilds the verifiers only when the set changed.
 */
@ApplicationScoped
public class VerificationKeys {

    private static final Logger LOG = Logger.getLogger(VerificationKeys.class.getName());

    /** The PEM text each verifier was built from: the set is compared as text, so an unchanged set costs no parse. */
    private volatile Map<String, String> published = Map.of();
    private volatile Map<String, RSASSAVerifier> verifiers = Map.of();

    /** Makes exactly {@code publicKeyPems} (key id to X.509 PEM) the accepted keys; a key left out is refused from now on. */
    public synchronized void publish(Map<String, String> publicKeyPems) {
        if (publicKeyPems.equals(published)) {
            return;
        }
        Map<String, RSASSAVerifier> next = new HashMap<>();
        publicKeyPems.forEach((kid, pem) -> {
            RSAPublicKey key = Pem.publicKey(pem);
            next.put(kid, new RSASSAVerifier(key));
        });
        verifiers = Map.copyOf(next);
        published = Map.copyOf(publicKeyPems);
        LOG.info(() -> "Access tokens are verified with the keys " + new java.util.TreeSet<>(next.keySet()));
    }

    /** The verifier for {@code kid}, or null when no such key is published (unknown or removed). */
    RSASSAVerifier verifier(String kid) {
        return kid == null ? null : verifiers.get(kid);
    }
}
