package id.narasiahli.privacy.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The processing a user can agree to, each separately (GDPR Art. 7 / UU PDP Art. 22: specific, withdrawable). */
public enum ConsentPurpose {
    /** Showing the profile in the public expert directory. */
    DIRECTORY_LISTING,
    /** Sending AI chat messages to the AI provider. */
    AI_PROCESSING,
    /** News and offers by email or WhatsApp. */
    MARKETING;

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ConsentPurpose> of(String value) {
        return Arrays.stream(values()).filter(p -> p.value().equals(value)).findFirst();
    }
}
