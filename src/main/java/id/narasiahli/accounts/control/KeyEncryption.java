package id.narasiahli.accounts.control;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Secrets at rest, sealed with AES-256-GCM (the JDK's) under a key-encryption key that never enters the
 * database. A sealed value names the key that sealed it ({@code aes256gcm:<key id>:<nonce>:<ciphertext>}),
 * so after a rotation the previous key still opens old values until they are sealed again. The associated
 * data binds a value to its row (e.g. the signing key's kid): a ciphertext copied to another row fails.
 */
public final class KeyEncryption {

    private static final String PREFIX = "aes256gcm:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyEncryption() {
    }

    /** A key-encryption key and its id (the first 8 bytes of its SHA-256, in hex: names it, reveals nothing). */
    public record Kek(String id, byte[] key) {

        /** {@code base64} must decode to exactly 32 bytes; {@code setting} names where it came from, for the error. */
        public static Kek parse(String base64, String setting) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(setting + " is not Base64: " + e.getMessage());
            }
            if (key.length != 32) {
                throw new IllegalStateException(setting + " must be 32 random bytes in Base64 (openssl rand -base64 32), not "
                        + key.length + " bytes");
            }
            try {
                return new Kek(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8), key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public static String seal(String plaintext, Kek kek, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, kek, nonce, associatedData, plaintext.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + kek.id() + ":" + base64.encodeToString(nonce) + ":" + base64.encodeToString(sealed);
    }

    /** Opens {@code stored} with whichever of {@code keks} sealed it; fails naming the key id it needs. */
    public static String open(String stored, List<Kek> keks, String associatedData) {
        String[] parts = stored.substring(PREFIX.length()).split(":");
        if (parts.length != 3) {
            throw new IllegalStateException("A sealed value is malformed (expected " + PREFIX + "<key id>:<nonce>:<ciphertext>)");
        }
        Kek kek = keks.stream().filter(k -> k.id().equals(parts[0])).findFirst().orElseThrow(() -> new IllegalStateException(
                "A value is sealed with key-encryption key " + parts[0] + ", which is not configured (configured: "
                        + keks.stream().map(Kek::id).toList() + ")"));
        Base64.Decoder base64 = Base64.getDecoder();
        return new String(run(Cipher.DECRYPT_MODE, kek, base64.decode(parts[1]), associatedData, base64.decode(parts[2])),
                StandardCharsets.UTF_8);
    }

    /** The id of the key that sealed {@code stored}. */
    public static String sealedWith(String stored) {
        return stored.substring(PREFIX.length()).split(":")[0];
    }

    private static byte[] run(int mode, Kek kek, byte[] nonce, String associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(kek.key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM " + (mode == Cipher.ENCRYPT_MODE ? "sealing" : "opening")
                    + " failed (wrong key or altered value): " + e.getClass().getSimpleName(), e);
        }
    }
}
