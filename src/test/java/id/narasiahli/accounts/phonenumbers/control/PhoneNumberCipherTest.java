package id.narasiahli.accounts.phonenumbers.control;

import id.narasiahli.accounts.control.KeyEncryption;
import id.narasiahli.accounts.entity.User;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, item 10: the phone-number encryption itself (FF1 under a key derived from the key-encryption key). */
class PhoneNumberCipherTest {

    /** Fixed keys (tags 0c5a and 5e40), so no run can draw two keys of the same tag. */
    private static final KeyEncryption.Kek KEK = KeyEncryption.Kek.parse("bB7SHIY03fG4qXtj9mpcak8BHR4ozvpvUEP2L3FGMlk=", "test");
    private static final KeyEncryption.Kek OTHER_KEK = KeyEncryption.Kek.parse("q2jyTN7dbMVhSWUVdnmqL/mc0mnOeK3bHqlAdRA6jkU=", "other");
    private static final PhoneNumberCipher CIPHER = PhoneNumberCipher.derivedFrom(KEK);
    private static final String PHONE = PhoneNumbers.PHONE_NUMBER;
    private static final String WHATSAPP = PhoneNumbers.WHATSAPP_NUMBER;

    @Test
    void everyLengthOfInternationalNumberRoundTripsAndFitsTheColumn() {
        for (String plain : List.of("+12345678", "+6281234567890", "+999999999999999", "+100000000000000")) {
            String stored = CIPHER.encrypt(plain, PHONE);
            assertEquals(plain, CIPHER.decrypt(stored, PHONE));
            assertTrue(stored.startsWith("~" + KEK.id().substring(0, 4)), stored);
            assertEquals(1 + 4 + plain.length() - 1, stored.length(), "the digits keep their number: " + stored);
            assertTrue(stored.length() <= User.PHONE_LENGTH, stored);
            assertTrue(stored.substring(5).chars().allMatch(Character::isDigit), stored);
            assertNotEquals(plain.substring(1), stored.substring(5), "the digits are not stored as they are");
        }
    }

    @Test
    void theSameNumberAlwaysGivesTheSameTextSoLookupsCanCompareIt() {
        assertEquals(CIPHER.encrypt("+6281234567890", WHATSAPP), CIPHER.encrypt("+6281234567890", WHATSAPP));
        assertEquals(CIPHER.encrypt("+6281234567890", WHATSAPP),
                PhoneNumberCipher.derivedFrom(KeyEncryption.Kek.parse(Base64.getEncoder().encodeToString(KEK.key()), "again"))
                        .encrypt("+6281234567890", WHATSAPP), "derived again from the same key-encryption key");
        assertNotEquals(CIPHER.encrypt("+6281234567890", WHATSAPP), CIPHER.encrypt("+6281234567891", WHATSAPP));
    }

    @Test
    void distinctKeysAndDistinctColumnsGiveDistinctText() {
        PhoneNumberCipher other = PhoneNumberCipher.derivedFrom(OTHER_KEK);
        String number = "+6281234567890";
        assertNotEquals(CIPHER.encrypt(number, PHONE).substring(5), other.encrypt(number, PHONE).substring(5));
        assertNotEquals(CIPHER.encrypt(number, PHONE), CIPHER.encrypt(number, WHATSAPP));
        assertThrows(IllegalArgumentException.class, () -> other.decrypt(CIPHER.encrypt(number, PHONE), PHONE),
                "a value names its key: another key refuses it instead of returning other digits");
    }

    @Test
    void onlyInternationalNumbersCanBeEncrypted() {
        for (String invalid : List.of("081234567890", "+1234567", "+1234567890123456", "+0812345678", "+62 812 3456")) {
            assertThrows(IllegalArgumentException.class, () -> CIPHER.encrypt(invalid, PHONE), invalid);
        }
    }

    @Test
    void valuesStoredBeforeEncryptionAreReadAsTheyAre() {
        PhoneNumbers numbers = new PhoneNumbers(List.of(CIPHER));
        assertEquals("+6281234567890", numbers.reveal(PHONE, "+6281234567890"));
        assertEquals("0812-3456-789", numbers.reveal(PHONE, "0812-3456-789"), "even one that is not international");
        assertNull(numbers.reveal(PHONE, null));
        assertTrue(PhoneNumberCipher.isEncrypted(numbers.conceal(PHONE, "+6281234567890")));
        assertEquals("+6281234567890", numbers.reveal(PHONE, numbers.conceal(PHONE, "+6281234567890")));
    }

    @Test
    void duringARotationThePreviousKeyStillReadsAndAnUnknownKeyIsNamed() {
        PhoneNumberCipher previous = PhoneNumberCipher.derivedFrom(OTHER_KEK);
        String old = previous.encrypt("+6281234567890", WHATSAPP);
        PhoneNumbers rotating = new PhoneNumbers(List.of(CIPHER, previous));
        assertEquals("+6281234567890", rotating.reveal(WHATSAPP, old));
        assertTrue(rotating.conceal(WHATSAPP, "+6281234567890").startsWith(CIPHER.prefix()), "written with the current key");

        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> new PhoneNumbers(List.of(CIPHER)).reveal(WHATSAPP, old));
        assertTrue(unknown.getMessage().contains(previous.tag()), unknown.getMessage());
    }

    @Test
    void withoutAKeyNumbersAreStoredAsTheyAre() {
        assertEquals("+6281234567890", new PhoneNumbers(List.of()).conceal(PHONE, "+6281234567890"));
    }
}
