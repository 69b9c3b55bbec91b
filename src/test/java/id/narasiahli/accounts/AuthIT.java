package id.narasiahli.accounts;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.narasiahli.accounts.control.KeyEncryption;
import id.narasiahli.accounts.control.Pem;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static id.narasiahli.testsupport.http.ApiAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration, login, refresh rotation and reuse, logout, token checks and roles, over HTTP. */
class AuthIT {

    private static final String AUDIENCE = "narasi-ahli-api";

    private static Api api;

    @BeforeAll
    static void server() {
        api = SharedServer.api();
    }

    @Test
    void registersLogsInAndReadsOwnProfile() {
        Api.User user = api.newUser("Siti Rahma");
        Api.Response me = user.api().get("/api/me");
        assertEquals(200, me.status(), me.body());
        assertEquals(user.email(), me.json().getString("email"));
        assertEquals("USER", me.json().getString("role"));
    }

    @Test
    void registrationAnswers201WithLocationAndStoresAPbkdf2HashOnly() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        Api.Response created = api.post("/api/auth/register", Json.createObjectBuilder()
                .add("email", email).add("password", "a long passphrase 42").add("fullName", "Dewi Lestari").build());
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").endsWith("/api/me"));
        assertFalse(created.body().contains("password"));
        String hash = SharedServer.queryValue("SELECT password_hash FROM users WHERE email = ?", email);
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA512:"), hash);
        assertFalse(hash.contains("a long passphrase 42"));
    }

    @Test
    void registrationValidatesEveryFieldAndStoresNothing() throws Exception {
        String email = "bad-" + UUID.randomUUID() + "@example.com";
        assertInvalid(register("not-an-email", "a long passphrase 42", "X"), "email");
        assertInvalid(register(email, "a long passphrase 42", " "), "fullName");
        assertInvalid(register(email, "short", "Name"), "password");
        assertInvalid(register(email, "aaaaaaaaaaaa", "Name"), "password");
        assertInvalid(register(email, "password123", "Name"), "password");
        assertInvalid(register(email, "my " + email.split("@")[0] + " pass", "Name"), "password");
        assertInvalid(register(email, "x".repeat(129) + "abcde", "Name"), "password");
        Api.Response all = api.post("/api/auth/register", Json.createObjectBuilder().build());
        assertEquals(400, all.status(), all.body());
        assertEquals(3, all.json().getJsonArray("errors").size(), all.body());
        assertEquals("0", SharedServer.queryValue("SELECT count(*)::text FROM users WHERE email = ?", email));
    }

    @Test
    void emailIsUniqueWhateverItsCase() {
        Api.User user = api.newUser("Agus");
        Api.Response again = register(user.email().toUpperCase(), "another passphrase 7", "Agus Dua");
        assertEquals(409, again.status(), again.body());
        assertEquals("application/problem+json", again.header("Content-Type"));
        assertEquals("urn:narasi-ahli:problem:email-taken", again.json().getString("type"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGiveTheSame401() {
        Api.User user = api.newUser("Rina");
        Api.Response wrong = login(user.email(), "not the password");
        Api.Response unknown = login("nobody-" + UUID.randomUUID() + "@example.com", "whatever passphrase");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
    }

    @Test
    void refreshRotatesAndReusingASpentTokenRevokesTheWholeLogin() throws Exception {
        Api.User user = api.newUser("Bayu");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(user.refreshToken().getBytes(StandardCharsets.UTF_8))),
                SharedServer.queryValue("SELECT token_hash FROM refresh_tokens WHERE user_id = ?", user.id()), "stored as its SHA-256 only");

        Api.Response first = refresh(user.refreshToken());
        assertEquals(200, first.status(), first.body());
        String next = first.json().getString("refreshToken");
        assertNotEquals(user.refreshToken(), next);
        assertEquals(200, user.api().as(first.json().getString("accessToken")).get("/api/me").status());

        Api.Response reuse = refresh(user.refreshToken());
        assertEquals(401, reuse.status(), reuse.body());
        assertEquals(401, refresh(next).status(), "the successor is revoked with its family");
        assertEquals("0", SharedServer.queryValue("SELECT count(*)::text FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", user.id()));
    }

    @Test
    void issuedAccessTokensNameTheApiAsTheirAudience() {
        Api.User user = api.newUser("Aud");
        JsonObject claims = Json.createReader(new java.io.StringReader(new String(Base64.getUrlDecoder()
                .decode(user.accessToken().split("\\.")[1]), StandardCharsets.UTF_8))).readObject();
        assertEquals(AUDIENCE, claims.get("aud").getValueType() == jakarta.json.JsonValue.ValueType.ARRAY
                ? claims.getJsonArray("aud").getString(0) : claims.getString("aud"), claims.toString());
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Api.User user = api.newUser("Citra");
        assertEquals(204, api.post("/api/auth/logout", tokenBody(user.refreshToken())).status());
        assertEquals(401, refresh(user.refreshToken()).status());
    }

    @Test
    void tamperedExpiredWronglySignedOrMissingTokensAre401ProblemDocuments() throws Exception {
        Api.User user = api.newUser("Dimas");
        String[] parts = user.accessToken().split("\\.");
        JsonObject claims = Json.createReader(new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))).readObject();
        String otherSubject = Json.createObjectBuilder(claims).add("sub", "1").build().toString();
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherSubject.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        String kid = SharedServer.queryValue("SELECT kid FROM signing_keys ORDER BY created_at DESC LIMIT 1");
        RSAPrivateCrtKey serverKey = Pem.privateKey(KeyEncryption.open(
                SharedServer.queryValue("SELECT private_key FROM signing_keys WHERE kid = ?", kid), List.of(testKek()), kid));
        String expired = sign(serverKey, kid, user.id(), Instant.now().minusSeconds(3600));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreign = sign((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate(), kid, user.id(), Instant.now().plusSeconds(600));
        String valid = sign(serverKey, kid, user.id(), Instant.now().plusSeconds(600));
        String noAudience = sign(serverKey, kid, user.id(), Instant.now().plusSeconds(600), null);
        String otherAudience = sign(serverKey, kid, user.id(), Instant.now().plusSeconds(600), "another-service");

        assertEquals(200, api.as(valid).get("/api/me").status(), "a token signed with the shared key is accepted");
        for (String token : List.of(tampered, expired, foreign, noAudience, otherAudience, "not.a.jwt")) {
            Api.Response response = api.as(token).get("/api/me");
            assertEquals(401, response.status(), token + " -> " + response.body());
            assertEquals("application/problem+json", response.header("Content-Type").split(";")[0]);
            assertEquals("Bearer error=\"invalid_token\"", response.header("WWW-Authenticate"));
        }
        // a bad token is refused wherever it is sent, even where no token is needed, and before the path is matched
        for (String path : List.of("/api/experts", "/api/no-such-resource")) {
            Api.Response response = api.as(tampered).get(path);
            assertEquals(401, response.status(), path + " -> " + response.body());
            assertEquals("urn:narasi-ahli:problem:invalid-token", response.json().getString("type"), response.body());
        }
        assertEquals(200, api.as(valid).get("/api/experts").status());
        Api.Response anonymous = api.get("/api/me");
        assertEquals(401, anonymous.status());
        assertEquals(401, anonymous.json().getInt("status"));
        assertEquals("Bearer", anonymous.header("WWW-Authenticate"));
    }

    /**
     * A verified token is kept so that its next request costs no RSA check (accounts.control.TokenVerifier); kept or
     * not, it is refused from the second it expires, and a token differing from a kept one in one byte is checked anew.
     */
    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() throws Exception {
        Api.User user = api.newUser("Kedaluwarsa");
        String kid = SharedServer.queryValue("SELECT kid FROM signing_keys ORDER BY created_at DESC LIMIT 1");
        RSAPrivateCrtKey serverKey = Pem.privateKey(KeyEncryption.open(
                SharedServer.queryValue("SELECT private_key FROM signing_keys WHERE kid = ?", kid), List.of(testKek()), kid));
        Instant expires = Instant.now().plusSeconds(6);
        String token = sign(serverKey, kid, user.id(), expires);
        for (int i = 0; i < 3; i++) {
            Api.Response me = api.as(token).get("/api/me");
            assertEquals(200, me.status(), me.body());
            assertEquals(user.id(), me.json().getInt("id"), "the token's own caller, every time");
        }
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertEquals(401, api.as(forged).get("/api/me").status(), "a changed signature is verified, not looked up");
        Thread.sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 1_100);
        Api.Response after = api.as(token).get("/api/me");
        assertEquals(401, after.status(), "expired: " + after.body());
    }

    /**
     * Rotation: a second key published in signing_keys is accepted next to the first, without a restart, and a
     * key removed from it is refused; both within the refresh interval (1 s for the shared server).
     */
    @Test
    void aSecondPublishedKeyIsAcceptedAndARemovedKeyIsRefused() throws Exception {
        Api.User user = api.newUser("Rotasi");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey second = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        String kid = "rotation-" + UUID.randomUUID();
        String token = sign(second, kid, user.id(), Instant.now().plusSeconds(600));
        assertEquals(401, api.as(token).get("/api/me").status(), "not published yet");

        // an old created_at: never the newest key, so no instance starts signing with it
        SharedServer.queryValue("INSERT INTO signing_keys (kid, algorithm, private_key, public_key, created_at)"
                + " VALUES (?, 'RS256', ?, ?, TIMESTAMP '2000-01-01 00:00:00') RETURNING kid",
                kid, Pem.privateKeyPem(second), Pem.publicKeyPem(Pem.publicKeyOf(second)));
        try {
            assertEquals(200, statusWithin(token, 200), "a second published key is accepted");
            assertEquals(200, user.api().get("/api/me").status(), "the first key still is");
        } finally {
            SharedServer.queryValue("DELETE FROM signing_keys WHERE kid = ? RETURNING kid", kid);
        }
        assertEquals(401, statusWithin(token, 401), "a removed key is refused");
        assertEquals(200, user.api().get("/api/me").status(), "the first key still is accepted");
    }

    /** GET /api/me with {@code token} until it answers {@code expected}, for at most 15 s; the last status. */
    private static int statusWithin(String token, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        int status;
        do {
            status = api.as(token).get("/api/me").status();
            if (status == expected) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    @Test
    void adminOnlyEndpointsAre403ForUsersAnd401ForAnonymous() {
        Api.User user = api.newUser("Eka");
        assertEquals(403, user.api().get("/api/admin/users").status());
        assertEquals(401, api.get("/api/admin/users").status());
        Api.Response asUser = user.api().get("/api/ai-usage?userId=" + api.admin().id());
        assertEquals(403, asUser.status(), "the role comes from the caller's token: " + asUser.body());
        Api.Response asAdmin = api.admin().api().get("/api/admin/users?limit=5");
        assertEquals(200, asAdmin.status(), asAdmin.body());
        assertTrue(asAdmin.json().getInt("total") >= 2);
    }

    @Test
    void firstAdministratorComesFromTheEnvironment() {
        Api.Response me = api.admin().api().get("/api/me");
        assertEquals("ADMIN", me.json().getString("role"));
        assertEquals(SharedServer.ADMIN_EMAIL, me.json().getString("email"));
    }

    @Test
    void fiveFailuresForOneAccountThrottleItFromAnyAddressWithRetryAfter() {
        Api.User user = api.newUser("Fajar");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.from("172.20.1." + i).post("/api/auth/login", credentials(user.email(), "wrong " + i)).status());
        }
        Api.Response throttled = api.from("172.20.2.1").post("/api/auth/login", credentials(user.email(), user.password()));
        assertEquals(429, throttled.status(), throttled.body());
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertEquals("application/problem+json", throttled.header("Content-Type"));
    }

    @Test
    void fiveFailuresFromOneAddressThrottleThatAddressOnly() {
        Api.User user = api.newUser("Gita");
        Api from = api.from("172.21.0.9");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, from.post("/api/auth/login", credentials("nobody" + i + "-" + UUID.randomUUID() + "@example.com", "x y z w v u")).status());
        }
        assertEquals(429, from.post("/api/auth/login", credentials(user.email(), user.password())).status());
        assertEquals(200, api.from("172.21.0.10").post("/api/auth/login", credentials(user.email(), user.password())).status());
    }

    /**
     * Issue 15, item 2: the generated private key is stored sealed with AES-256-GCM under the key-encryption
     * key from the environment (the build gives the test servers one); the row alone is no PEM, opens only
     * with that key, and only for its own kid.
     */
    @Test
    void theStoredSigningKeyIsSealedUnderTheKeyEncryptionKey() {
        String kid = SharedServer.queryValue("SELECT kid FROM signing_keys ORDER BY created_at DESC LIMIT 1");
        String stored = SharedServer.queryValue("SELECT private_key FROM signing_keys WHERE kid = ?", kid);
        assertFalse(stored.contains("PRIVATE KEY"), "no PEM in the database");
        assertTrue(stored.startsWith("aes256gcm:" + testKek().id() + ":"), stored.substring(0, 30));
        assertTrue(KeyEncryption.open(stored, List.of(testKek()), kid).contains("BEGIN PRIVATE KEY"));
        KeyEncryption.Kek other = KeyEncryption.Kek.parse(Base64.getEncoder().encodeToString(new byte[32]), "other");
        assertThrows(IllegalStateException.class, () -> KeyEncryption.open(stored, List.of(other), kid), "another key does not open it");
        KeyEncryption.Kek sameIdOther = new KeyEncryption.Kek(testKek().id(), new byte[32]);
        assertThrows(IllegalStateException.class, () -> KeyEncryption.open(stored, List.of(sameIdOther), kid), "GCM detects a wrong key");
        assertThrows(IllegalStateException.class, () -> KeyEncryption.open(stored, List.of(testKek()), "another-kid"),
                "bound to its own row");
    }

    private static KeyEncryption.Kek testKek() {
        return KeyEncryption.Kek.parse(System.getenv("NARASI_AUTH_KEY_ENCRYPTION_KEY"), "NARASI_AUTH_KEY_ENCRYPTION_KEY");
    }

    private static String sign(RSAPrivateCrtKey key, String kid, int userId, Instant expires) throws Exception {
        return sign(key, kid, userId, expires, AUDIENCE);
    }

    private static String sign(RSAPrivateCrtKey key, String kid, int userId, Instant expires, String audience) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("narasi-ahli").audience(audience).subject(Integer.toString(userId))
                .claim("upn", "x@example.com").claim("groups", List.of("USER"))
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Api.Response register(String email, String password, String fullName) {
        return api.post("/api/auth/register", Json.createObjectBuilder()
                .add("email", email).add("password", password).add("fullName", fullName).build());
    }

    private static Api.Response login(String email, String password) {
        return api.post("/api/auth/login", credentials(email, password));
    }

    private static Api.Response refresh(String token) {
        return api.post("/api/auth/refresh", tokenBody(token));
    }

    private static JsonObject credentials(String email, String password) {
        return Json.createObjectBuilder().add("email", email).add("password", password).build();
    }

    private static JsonObject tokenBody(String token) {
        return Json.createObjectBuilder().add("refreshToken", token).build();
    }
}
