package id.narasiahli.accounts.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void acceptsLongVariedPasswords() {
        assertTrue(PasswordPolicy.check("correct horse battery", "budi@example.com", "Budi Santoso").isEmpty());
        assertTrue(PasswordPolicy.check("x".repeat(123) + "abcde", "a@b.c", "A").isEmpty(), "128 characters");
    }

    @Test
    void refusesShortLongMonotonousCommonAndPersonalPasswords() {
        assertEquals("must have at least 10 characters", PasswordPolicy.check("abc12345", "a@b.c", "A").orElseThrow());
        assertEquals("must have at most 128 characters", PasswordPolicy.check("ab".repeat(65), "a@b.c", "A").orElseThrow());
        assertEquals("must use at least 5 different characters", PasswordPolicy.check("abababababab", "a@b.c", "A").orElseThrow());
        assertEquals("is too common", PasswordPolicy.check("Password123", "a@b.c", "A").orElseThrow());
        assertEquals("must not contain your email address", PasswordPolicy.check("xx-budi.s-2024", "budi.s@example.com", "A").orElseThrow());
        assertEquals("must not contain your name", PasswordPolicy.check("i am budisantoso!", "x@example.com", "Budi Santoso").orElseThrow());
        assertTrue(PasswordPolicy.check(null, "a@b.c", "A").isPresent());
    }
}
