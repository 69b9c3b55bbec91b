package id.narasiahli.accounts;

import id.narasiahli.accounts.control.KeyEncryption;
import id.narasiahli.accounts.control.Pem;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 2, the two startup paths: in the production contexts a server with neither a key-encryption
 * key nor a configured signing key refuses to start, and a signing key stored in plain text by an earlier
 * version is sealed at the next start with a key-encryption key (and keeps signing: tokens still work).
 */
class SigningKeyAtRestIT {

    private static final Duration BOOT = Duration.ofMinutes(9);

    @Test
    void withoutAKeyEncryptionKeyProductionRefusesToStart() throws Exception {
        String bare = TestDatabase.createDatabase("no_kek");
        try (PayaraMicroProcess refusing = PayaraMicroProcess.launch("no-key-encryption-key", bare,
                Map.of("NARASI_AUTH_KEY_ENCRYPTION_KEY", ""), Path.of(System.getProperty("narasi.it.war")))) {
            long deadline = System.nanoTime() + BOOT.toNanos();
            while (!refusing.log().contains("ready in") && System.nanoTime() < deadline) {
                Thread.sleep(1000); // Payara Micro prints its last boot line after a failed deployment too
            }
            assertTrue(refusing.log().contains("No key protects the token signing key"), "the reason is logged: " + refusing.logFile());
            assertFalse(refusing.readiness().ready(), "not ready without a key-encryption key: " + refusing.readiness());
            assertEquals("0", TestDatabase.queryValue(bare, "SELECT count(*)::text FROM signing_keys"), "no key was stored in plain text");
        }
    }

    @Test
    void aSigningKeyStoredInPlainTextIsSealedAtStartupAndKeepsSigning() throws Exception {
        String legacy = TestDatabase.createDatabase("plain_key");
        Changelogs.update(legacy);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        String pem = Pem.privateKeyPem(key);
        TestDatabase.execute(legacy, "INSERT INTO signing_keys (kid, algorithm, private_key, public_key) VALUES ('generated-legacy', 'RS256', '"
                + pem + "', '" + Pem.publicKeyPem(Pem.publicKeyOf(key)) + "')");
        try (PayaraMicroProcess sealing = PayaraMicroProcess.launch("plain-key-sealed", legacy,
                Map.of("NARASI_AUTH_PBKDF2_ITERATIONS", "20000"), Path.of(System.getProperty("narasi.it.war")))) {
            sealing.awaitReady(BOOT);
            String stored = TestDatabase.queryValue(legacy, "SELECT private_key FROM signing_keys WHERE kid = 'generated-legacy'");
            assertTrue(KeyEncryption.isSealed(stored), "sealed at startup");
            KeyEncryption.Kek kek = KeyEncryption.Kek.parse(System.getenv("NARASI_AUTH_KEY_ENCRYPTION_KEY"), "test");
            assertEquals(pem, KeyEncryption.open(stored, List.of(kek), "generated-legacy"), "the same key, sealed");
            Api.User user = new Api(sealing.baseUri()).newUser("Kunci Lama");
            assertEquals(200, user.api().get("/api/me").status(), "tokens are signed with the resealed key");
        }
    }
}
