package id.narasiahli.accounts.phonenumbers.control;

import id.narasiahli.accounts.control.KeyEncryption;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One key's encryption of phone numbers, shaped to fit their VARCHAR(20) columns and their index: FF1 (NIST
 * SP 800-38G, radix 10, AES-256) turns the digits of {@code +<8 to 15 digits>} into as many digits, stored as
 * {@code ~<key tag><digits>} (at most 1 + 4 + 15 = 20 characters). A plain number always starts with '+', so
 * '~' tells ciphertext from a value stored before encryption. FF1 is deterministic: the same number in the same
 * column always gives the same text, so an equality lookup compares the encrypted value through the index.
 * The column name is the FF1 tweak, so a number in phone_number and the same one in whatsapp_number differ.
 * <p>
 * The AES key is derived by HKDF-SHA256 from the key-encryption key with a label of its own, so that key never
 * encrypts two kinds of data directly (it seals the signing key itself). The tag is the first 4 hex digits of
 * the key-encryption key's id ({@link KeyEncryption.Kek#id()}), so a value names the key that wrote it.
 */
public final class PhoneNumberCipher {

    public static final char MARKER = '~';
    public static final int TAG_LENGTH = 4;
    /** What can be encrypted: the profile's rule (ProfileFields.E164). */
    public static final Pattern PLAIN = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern STORED = Pattern.compile(MARKER + "[0-9a-f]{" + TAG_LENGTH + "}[0-9]{8,15}");
    private static final byte[] LABEL = "narasi-ahli users phone numbers FF1-AES-256 v1".getBytes(StandardCharsets.US_ASCII);

    private final String tag;
    private final KeyParameter key;

    private PhoneNumberCipher(String tag, byte[] key) {
        this.tag = tag;
        this.key = new KeyParameter(key);
    }

    public static PhoneNumberCipher derivedFrom(KeyEncryption.Kek kek) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(kek.key(), null, LABEL));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return new PhoneNumberCipher(kek.id().substring(0, TAG_LENGTH), key);
    }

    /** True for a value in the encrypted form, whichever key wrote it; false for null and plain values. */
    public static boolean isEncrypted(String stored) {
        return stored != null && !stored.isEmpty() && stored.charAt(0) == MARKER;
    }

    /** The tag of the key that wrote {@code stored} (an encrypted value). */
    public static String tagOf(String stored) {
        return stored.substring(1, Math.min(stored.length(), 1 + TAG_LENGTH));
    }

    public String tag() {
        return tag;
    }

    /** What every value this key wrote starts with. */
    public String prefix() {
        return MARKER + tag;
    }

    /** {@code plain} must match {@link #PLAIN}; {@code column} is the column it is stored in. */
    public String encrypt(String plain, String column) {
        if (!PLAIN.matcher(plain).matches()) {
            throw new IllegalArgumentException("Only an international number ('+' and 8 to 15 digits) can be encrypted");
        }
        return prefix() + digits(run(true, values(plain.substring(1)), column));
    }

    /** The plain number of a value this key wrote (see {@link #tagOf}). */
    public String decrypt(String stored, String column) {
        if (!STORED.matcher(stored).matches() || !tagOf(stored).equals(tag)) {
            throw new IllegalArgumentException("Not a phone number encrypted with key " + tag);
        }
        return "+" + digits(run(false, values(stored.substring(1 + TAG_LENGTH)), column));
    }

    private byte[] run(boolean encrypt, byte[] digits, String column) {
        FPEFF1Engine ff1 = new FPEFF1Engine();
        ff1.init(encrypt, new FPEParameters(key, 10, column.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[digits.length];
        ff1.processBlock(digits, 0, digits.length, out, 0);
        return out;
    }

    private static byte[] values(String digits) {
        byte[] values = new byte[digits.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) (digits.charAt(i) - '0');
        }
        return values;
    }

    private static String digits(byte[] values) {
        StringBuilder digits = new StringBuilder(values.length);
        for (byte value : values) {
            digits.append((char) ('0' + value));
        }
        return digits.toString();
    }
}
