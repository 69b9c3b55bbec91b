package id.narasiahli.accounts.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B style: length over composition rules): 10 to 128
 * characters, at least 5 different characters, not a well-known password, and not the account's own email
 * or name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "1234567890", "12345678910", "123456789a", "qwertyuiop", "password12", "password123", "password1234",
            "iloveyou12", "qwerty1234", "1q2w3e4r5t", "abcdefghij", "passw0rd12", "admin12345", "welcome123",
            "sayangkamu", "bismillah1", "indonesia1", "indonesia123", "rahasia123", "katasandi1");

    private PasswordPolicy() {
    }

    /** @return why the password is refused, or empty when it is acceptable */
    public static Optional<String> check(String password, String email, String fullName) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must have at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("must use at least 5 different characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("is too common");
        }
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (local.length() >= 4 && lower.contains(local)) {
            return Optional.of("must not contain your email address");
        }
        String name = fullName == null ? "" : fullName.toLowerCase(Locale.ROOT).replace(" ", "");
        if (name.length() >= 4 && lower.replace(" ", "").contains(name)) {
            return Optional.of("must not contain your name");
        }
        return Optional.empty();
    }
}
