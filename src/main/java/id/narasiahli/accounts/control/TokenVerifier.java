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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the bearer token of every authenticated request (called by accounts.boundary.BearerAuthentication): RS256
 * signature by a published key ({@link VerificationKeys}, parsed once per key change), typ JWT, issuer, expiry,
 * subject, audience when {@code mp.jwt.verify.audiences} is set; the checks MicroProfile JWT makes, under its
 * setting names. A token that passes is kept with the {@link Caller} it names, so its next request costs one map
 * lookup instead of a parse and an RSA verification, for as long as the token is current and the key that verified
 * it is still published.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
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

    private final Map<String, Verified> verifiedTokens = new ConcurrentHashMap<>();

    /**
     * A token already verified: its caller, until it expires, and only while the key that verified it is still the
     * published one (a removed or rotated-out key drops every token it verified).
     */
    private record Verified(String kid, RSASSAVerifier verifier, long expiresAtMillis, Caller caller) {

        /** The same token string has the same key id, so the entry's own kid is the token's. */
        boolean usable(VerificationKeys keys, long now) {
            return now < expiresAtMillis && keys.verifier(kid) == verifier;
        }
    }

    /** The caller that {@code token} names when it is ours, current and meant for us; else empty. */
    public Optional<Caller> caller(String token) {
        Verified verified = verifiedTokens.get(token);
        if (verified != null && verified.usable(keys, System.currentTimeMillis())) {
            return Optional.of(verified.caller());
        }
        try {
            return Optional.ofNullable(verify(token)).map(Verified::caller);
        } catch (ParseException | JOSEException | NumberFormatException e) {
            LOG.fine(() -> "Refused a malformed access token: " + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot check an access token", e);
            return Optional.empty();
        }
    }

    /**
     * Parses and checks {@code token}; a token that passes is kept (at most {@link #CACHED_TOKENS}, expired ones
     * dropped first).
     */
    private Verified verify(String token) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        String kid = jwt.getHeader().getKeyID();
        RSASSAVerifier verifier = keys.verifier(kid);
        JWTClaimsSet claims = verified(jwt, verifier);
        if (claims == null) {
            return null;
        }
        List<String> groups = claims.getStringListClaim("groups");
        Caller caller = new Caller(Integer.parseInt(claims.getSubject()), callerName(claims),
                groups == null ? Set.of() : Set.copyOf(groups));
        Verified verified = new Verified(kid, verifier, claims.getExpirationTime().getTime() + clockSkewSeconds * 1000, caller);
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

    /** As MicroProfile JWT names the caller: upn, else preferred_username, else sub. */
    private static String callerName(JWTClaimsSet claims) throws ParseException {
        String upn = claims.getStringClaim("upn");
        if (upn != null) {
            return upn;
        }
        String preferred = claims.getStringClaim("preferred_username");
        return preferred != null ? preferred : claims.getSubject();
    }
}
