package id.narasiahli.accounts.control;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.jwt.config.Names;

import java.util.Map;
import java.util.Set;

/**
 * Gives MicroProfile JWT ({@code mp.jwt.verify.publickey}) the public keys of the signing keys in use, so
 * Payara verifies exactly the tokens this service (any of its instances) signed. Payara reads the value
 * lazily, at the first token it checks, after startup has loaded the keys. Ordinal 150: above the WAR's
 * microprofile-config.properties, below environment variables.
 */
public class VerificationKeyConfigSource implements ConfigSource {

    @Override
    public Set<String> getPropertyNames() {
        return VerificationKeys.jwks() == null ? Set.of() : Set.of(Names.VERIFIER_PUBLIC_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        String jwks = VerificationKeys.jwks();
        return jwks == null ? Map.of() : Map.of(Names.VERIFIER_PUBLIC_KEY, jwks);
    }

    @Override
    public String getValue(String propertyName) {
        return Names.VERIFIER_PUBLIC_KEY.equals(propertyName) ? VerificationKeys.jwks() : null;
    }

    @Override
    public String getName() {
        return "narasi-signing-keys";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
