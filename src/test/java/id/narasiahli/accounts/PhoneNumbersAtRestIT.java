package id.narasiahli.accounts;

import id.narasiahli.accounts.control.KeyEncryption;
import id.narasiahli.accounts.control.Pem;
import id.narasiahli.accounts.phonenumbers.control.PhoneNumberCipher;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 10: phone and WhatsApp numbers are encrypted at rest. The columns hold FF1 ciphertext under
 * the key-encryption key's phone-number key; the owner still sees the numbers (profile, export); numbers stored
 * before (in plain text, by the dev seed data, or with the previous key of a rotation) are encrypted at startup;
 * and in the production contexts no key means no start, even with the signing key configured.
 */
class PhoneNumbersAtRestIT {

    private static final Duration BOOT = Duration.ofMinutes(9);
    private static final KeyEncryption.Kek KEK = KeyEncryption.Kek.parse(System.getenv("NARASI_AUTH_KEY_ENCRYPTION_KEY"), "test");
    private static final PhoneNumberCipher CIPHER = PhoneNumberCipher.derivedFrom(KEK);
    private static final String PREVIOUS_KEK = "q2jyTN7dbMVhSWUVdnmqL/mc0mnOeK3bHqlAdRA6jkU=";

    @Test
    void numbersSetThroughTheApiAreStoredEncryptedAndShownToTheirOwner() {
        Api.User user = SharedServer.api().newUser("Nomor Rahasia");
        Api.Response patched = user.api().patch("/api/me", Json.createObjectBuilder()
                .add("phoneNumber", "+6281234567001").add("whatsappNumber", "+6289876543002").build());
        assertEquals(200, patched.status(), patched.body());

        String phone = SharedServer.queryValue("SELECT phone_number FROM users WHERE id = ?", user.id());
        String whatsapp = SharedServer.queryValue("SELECT whatsapp_number FROM users WHERE id = ?", user.id());
        for (String stored : new String[]{phone, whatsapp}) {
            assertTrue(stored.startsWith("~" + KEK.id().substring(0, 4)), "marked with its key: " + stored);
            assertTrue(!stored.contains("6281234567001") && !stored.contains("6289876543002"), stored);
            assertTrue(stored.length() <= 20, stored);
        }
        assertEquals("+6281234567001", CIPHER.decrypt(phone, "phone_number"));
        assertEquals("+6289876543002", CIPHER.decrypt(whatsapp, "whatsapp_number"));
        assertEquals(Integer.toString(user.id()), SharedServer.queryValue("SELECT id::text FROM users WHERE whatsapp_number = ?",
                CIPHER.encrypt("+6289876543002", "whatsapp_number")), "the same number encrypts to the same text: a lookup finds it");

        assertEquals("+6281234567001", patched.json().getString("phoneNumber"));
        JsonObject me = user.api().get("/api/me").json();
        assertEquals("+6281234567001", me.getString("phoneNumber"));
        assertEquals("+6289876543002", me.getString("whatsappNumber"));
        JsonObject account = user.api().get("/api/me/export").json().getJsonObject("account");
        assertEquals("+6281234567001", account.getString("phone_number"), account.toString());
        assertEquals("+6289876543002", account.getString("whatsapp_number"), account.toString());
    }

    @Test
    void numbersStoredBeforeAreEncryptedAtStartupInBatches() throws Exception {
        String database = TestDatabase.createDatabase("plain_phones");
        Changelogs.update(database, Changelogs.MASTER, "dev"); // the dev seed data: four users, plain numbers
        String password = "Lama-Sekali-2026";
        TestDatabase.execute(database, "INSERT INTO users (fullname, email, password_hash, phone_number, whatsapp_number) VALUES"
                + " ('Lama', 'lama@example.com', '" + pbkdf2(password) + "', '+6281300000001', '+6281300000002'),"
                + " ('Rotasi', 'rotasi@example.com', 'h', NULL, '" + PhoneNumberCipher.derivedFrom(KeyEncryption.Kek.parse(PREVIOUS_KEK, "previous"))
                .encrypt("+6281300000003", "whatsapp_number") + "'),"
                + " ('Bukan Internasional', 'lokal@example.com', 'h', '0812-3456-789', NULL)");
        String plainBefore = TestDatabase.queryValue(database, "SELECT count(*)::text FROM users WHERE phone_number LIKE '+%' OR whatsapp_number LIKE '+%'");
        assertEquals("4", plainBefore, "three seeded users with numbers and the one inserted here");

        try (PayaraMicroProcess payara = PayaraMicroProcess.start("plain-phones-encrypted", database, Map.of(
                "NARASI_SCHEMA_CONTEXTS", "dev", // as the dev server runs
                "NARASI_AUTH_PREVIOUS_KEY_ENCRYPTION_KEY", PREVIOUS_KEK,
                "NARASI_AUTH_PHONE_NUMBER_BATCH_SIZE", "2",
                "NARASI_AUTH_PBKDF2_ITERATIONS", "20000"))) {
            assertEquals(200, payara.get("/health/ready").statusCode(), payara.logFile().toString());
            assertEquals("0", TestDatabase.queryValue(database, "SELECT count(*)::text FROM users WHERE phone_number LIKE '+%'"
                    + " OR whatsapp_number LIKE '+%'"), "no number is left in plain text");
            assertEquals("0", TestDatabase.queryValue(database, "SELECT count(*)::text FROM users WHERE (phone_number LIKE '~%'"
                    + " AND phone_number NOT LIKE '" + CIPHER.prefix() + "%') OR (whatsapp_number LIKE '~%' AND whatsapp_number NOT LIKE '"
                    + CIPHER.prefix() + "%')"), "none is left under the previous key");
            assertEquals("+6281200000001", CIPHER.decrypt(TestDatabase.queryValue(database,
                    "SELECT whatsapp_number FROM users WHERE email = 'siti@dev.narasi.test'"), "whatsapp_number"), "seed data");
            assertEquals("+6281200000003", CIPHER.decrypt(TestDatabase.queryValue(database,
                    "SELECT whatsapp_number FROM users WHERE email = 'ayu@dev.narasi.test'"), "whatsapp_number"));
            assertEquals("+6281300000003", CIPHER.decrypt(TestDatabase.queryValue(database,
                    "SELECT whatsapp_number FROM users WHERE email = 'rotasi@example.com'"), "whatsapp_number"), "previous key");
            assertEquals("0812-3456-789", TestDatabase.queryValue(database,
                    "SELECT phone_number FROM users WHERE email = 'lokal@example.com'"), "not a number the format can hold: left");
            assertTrue(payara.log().contains("1 stored phone or WhatsApp numbers are not international numbers"), payara.logFile().toString());
            String stored = TestDatabase.queryValue(database, "SELECT phone_number FROM users WHERE email = 'lama@example.com'");
            assertNotEquals("+6281300000001", stored);

            Api.User lama = new Api(payara.baseUri()).login(0, "lama@example.com", password, "Lama");
            JsonObject me = lama.api().get("/api/me").json();
            assertEquals("+6281300000001", me.getString("phoneNumber"), me.toString());
            assertEquals("+6281300000002", me.getString("whatsappNumber"), me.toString());
        }
    }

    @Test
    void withoutAKeyEncryptionKeyProductionRefusesToStartEvenWithAConfiguredSigningKey() throws Exception {
        String bare = TestDatabase.createDatabase("no_kek_phones");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = Pem.privateKeyPem((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        try (PayaraMicroProcess refusing = PayaraMicroProcess.launch("no-kek-phones", bare, Map.of(
                "NARASI_AUTH_KEY_ENCRYPTION_KEY", "", "NARASI_AUTH_SIGNING_KEY", pem), Path.of(System.getProperty("narasi.it.war")))) {
            long deadline = System.nanoTime() + BOOT.toNanos();
            while (!refusing.log().contains("ready in") && System.nanoTime() < deadline) {
                Thread.sleep(1000); // Payara Micro prints its last boot line after a failed deployment too
            }
            assertTrue(refusing.log().contains("No key protects the phone and WhatsApp numbers"), refusing.logFile().toString());
            assertFalse(refusing.readiness().ready(), "not ready without a key-encryption key: " + refusing.readiness());
        }
    }

    @Test
    void outsideProductionNumbersEncryptedEarlierStopTheStartupWithoutAKey() throws Exception {
        String database = TestDatabase.createDatabase("dev_no_kek_phones");
        Changelogs.update(database);
        TestDatabase.execute(database, "INSERT INTO users (fullname, email, password_hash, phone_number) VALUES ('Sandi', 'sandi@example.com',"
                + " 'h', '" + CIPHER.encrypt("+6281400000001", "phone_number") + "')");
        try (PayaraMicroProcess refusing = PayaraMicroProcess.launch("dev-no-kek-phones", database, Map.of(
                "NARASI_SCHEMA_CONTEXTS", "dev", "NARASI_AUTH_KEY_ENCRYPTION_KEY", ""), Path.of(System.getProperty("narasi.it.war")))) {
            long deadline = System.nanoTime() + BOOT.toNanos();
            while (!refusing.log().contains("ready in") && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            assertTrue(refusing.log().contains("1 phone or WhatsApp numbers are encrypted, but no NARASI_AUTH_KEY_ENCRYPTION_KEY"),
                    refusing.logFile().toString());
            assertFalse(refusing.readiness().ready(), "a number it could not read: " + refusing.readiness());
        }
    }

    /** A password hash as accounts.control.Passwords (Jakarta Security's PBKDF2) writes and verifies it. */
    private static String pbkdf2(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 20000, 256)).getEncoded();
        Base64.Encoder base64 = Base64.getEncoder();
        return "PBKDF2WithHmacSHA512:20000:" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
    }
}
