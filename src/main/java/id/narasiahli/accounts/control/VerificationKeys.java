package id.narasiahli.accounts.control;

/**
 * The public keys (JWKS) that verify our access tokens, handed from the signing keys loaded at startup to
 * {@link VerificationKeyConfigSource}. A static holder because MicroProfile Config creates config sources
 * itself, outside CDI.
 */
public final class VerificationKeys {

    private static volatile String jwks;

    private VerificationKeys() {
    }

    static void publish(String jwksJson) {
        jwks = jwksJson;
    }

    static String jwks() {
        return jwks;
    }
}
