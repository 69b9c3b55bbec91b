package id.narasiahli.accounts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.text.ParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the bearer token of every authenticated request, ahead of Payara's own MicroProfile JWT identity store
 * (lower priority number, so asked first): the same checks (RS256 signature by a published key, typ JWT, issuer,
 * expiry, subject, audience when {@code mp.jwt.verify.audiences} is set), but with the keys already parsed
 * ({@link VerificationKeys}) where Payara's store rebuilds the key from its configuration text on every request.
 * The caller it returns is Payara's own JsonWebToken class, so {@code @Inject JsonWebToken}, {@code @RolesAllowed}
 * and the groups work exactly as before. Payara's store, asked after a refusal, has no key configured and refuses too.
 */
@ApplicationScoped
public class TokenVerifier implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    /** Payara's credential and principal classes (package exported by its MicroProfile JWT module); not on our compile path. */
    private static final String CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";
    private static final String PRINCIPAL = "fish.payara.microprofile.jwtauth.jwt.JsonWebTokenImpl";
    /** Tokens kept verified: one per signed-in client; beyond it, expired ones go, then all (they are re-verified). */
    static final int CACHED_TOKENS = 10_000;

    @Inject
    VerificationKeys keys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    /** Comma-separated, as MicroProfile JWT reads it; none set: the audience is not checked. */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "0")
    long clockSkewSeconds;

    private final JsonProvider json = JsonProvider.provider();
    private final JsonReaderFactory readers = json.createReaderFactory(Map.of());
    private final Map<String, Verified> verifiedTokens = new ConcurrentHashMap<>();
    private volatile Handles handles;

    /**
     * A token already verified: what the caller is built from, until it expires, and only while the key that
     * verified it is still the published one (a removed or rotated-out key drops every token it verified).
     */
    private record Verified(String kid, RSASSAVerifier verifier, long expiresAtMillis, String callerName, Map<String, JsonValue> values,
                            Set<String> groups) {

        /** The same token string has the same key id, so the entry's own kid is the token's. */
        boolean usable(VerificationKeys keys, long now) {
            return now < expiresAtMillis && keys.verifier(kid) == verifier;
        }
    }

    /** Payara's token accessor and principal constructor, looked up once (reflection only here, never per call). */
    private record Handles(Class<?> credentialType, MethodHandle token, MethodHandle principal) {
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        Handles h = handles(credential);
        if (h == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            String token = (String) h.token().invoke(credential);
            Verified verified = verifiedTokens.get(token);
            if (verified == null || !verified.usable(keys, System.currentTimeMillis())) {
                verified = verify(token);
                if (verified == null) {
                    return CredentialValidationResult.INVALID_RESULT;
                }
            }
            // a new principal per request, from the cached claims: nothing of one request's caller object is shared
            Object principal = h.principal().invoke(verified.callerName(), new HashMap<>(verified.values()));
            return new CredentialValidationResult((CallerPrincipal) principal, new HashSet<>(verified.groups()));
        } catch (ParseException | JOSEException e) {
            LOG.fine(() -> "Refused a malformed access token: " + e.getMessage());
            return CredentialValidationResult.INVALID_RESULT;
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "Cannot check an access token", e);
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    /**
     * Parses and checks {@code token}; a token that passes is kept (at most {@link #CACHED_TOKENS}, expired ones
     * dropped first) so that the next request with it costs one map lookup instead of an RSA verification.
     */
    private Verified verify(String token) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        String kid = jwt.getHeader().getKeyID();
        RSASSAVerifier verifier = keys.verifier(kid);
        JWTClaimsSet claims = verified(jwt, verifier);
        if (claims == null) {
            return null;
        }
        Map<String, JsonValue> values = new HashMap<>(payload(jwt));
        values.put("raw_token", json.createValue(token));
        List<String> groups = claims.getStringListClaim("groups");
        Verified verified = new Verified(kid, verifier,
                claims.getExpirationTime().getTime() + clockSkewSeconds * 1000, callerName(claims), Map.copyOf(values),
                groups == null ? Set.of() : Set.copyOf(groups));
        if (verifiedTokens.size() >= CACHED_TOKENS) {
            long now = System.currentTimeMillis();
            verifiedTokens.values().removeIf(v -> v.expiresAtMillis() <= now);
            if (verifiedTokens.size() >= CACHED_TOKENS) {
                verifiedTokens.clear();
            }
        }
        verifiedTokens.put(token, verified);
        return verified;
    }

    /** The claims when the token is ours and current, else null. */
    private JWTClaimsSet verified(SignedJWT jwt, RSASSAVerifier verifier) throws ParseException, JOSEException {
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || !JOSEObjectType.JWT.equals(header.getType())) {
            return null;
        }
        if (verifier == null || !jwt.verify(verifier)) {
            return null;
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        Date expires = claims.getExpirationTime();
        boolean current = expires != null && claims.getIssueTime() != null
                && expires.getTime() + clockSkewSeconds * 1000 > System.currentTimeMillis();
        boolean audience = audiences.isEmpty() || (claims.getAudience() != null && claims.getAudience().stream()
                .anyMatch(List.of(audiences.get().split("\\s*,\\s*"))::contains));
        return current && audience && issuer.equals(claims.getIssuer()) && claims.getSubject() != null ? claims : null;
    }

    private Map<String, JsonValue> payload(SignedJWT jwt) {
        try (JsonReader reader = readers.createReader(new StringReader(jwt.getPayload().toString()))) {
            JsonObject object = reader.readObject();
            return object;
        }
    }

    /** As MicroProfile JWT names the caller: upn, else preferred_username, else sub. */
    private static String callerName(JWTClaimsSet claims) throws ParseException {
        String upn = claims.getStringClaim("upn");
        if (upn != null) {
            return upn;
        }
        String preferred = claims.getStringClaim("preferred_username");
        return preferred != null ? preferred : claims.getSubject();
    }

    private Handles handles(Credential credential) {
        Handles h = handles;
        if (h != null) {
            return h.credentialType() == credential.getClass() ? h : null;
        }
        if (!CREDENTIAL.equals(credential.getClass().getName())) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> principal = Class.forName(PRINCIPAL, true, credential.getClass().getClassLoader());
            h = new Handles(credential.getClass(),
                    lookup.findVirtual(credential.getClass(), "getSignedJWT", MethodType.methodType(String.class)),
                    lookup.findConstructor(principal, MethodType.methodType(void.class, String.class, Map.class)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This Payara's MicroProfile JWT classes differ from 6.2025.10's: " + e, e);
        }
        handles = h;
        return h;
    }
}
