package id.narasiahli.accounts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.narasiahli.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs access tokens with the active key, in the shape MicroProfile JWT expects (upn, groups). */
@ApplicationScoped
public class TokenSigner {

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    /**
     * TokenVerifier refuses a token whose aud is not one of these; tokens are issued for the first. A
     * token minted for another service by the same issuer and key therefore does not open this API.
     */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    List<String> audiences;

    @Inject
    @ConfigProperty(name = "narasi.auth.access-token-minutes", defaultValue = "15")
    long accessTokenMinutes;

    private volatile RSAKey activeKey;

    /** Makes {@code key} the signing key (its public half is verified through {@link SigningKeys#publishVerificationKeys}). */
    public void use(String kid, RSAPrivateCrtKey privateKey) {
        RSAKey key = new RSAKey.Builder(Pem.publicKeyOf(privateKey)).privateKey(privateKey)
                .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        activeKey = key;
    }

    public Duration accessTokenLifetime() {
        return Duration.ofMinutes(accessTokenMinutes);
    }

    public String sign(User user) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audiences.get(0))
                .subject(user.id().toString())
                .claim("upn", user.email())
                .claim("groups", List.of(user.role().name()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessTokenLifetime())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        RSAKey key = activeKey;
        if (key == null) {
            throw new IllegalStateException("No signing key loaded yet");
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return jwt.serialize();
    }
}
