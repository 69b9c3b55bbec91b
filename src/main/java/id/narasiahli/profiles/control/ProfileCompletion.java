package id.narasiahli.profiles.control;

import id.narasiahli.accounts.entity.User;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How complete a profile is, in whole percent: ten parts worth 10 each — full name, email, phone number,
 * WhatsApp number, last education, degree, last job title, and at least one education, one work and one
 * journal entry. {@code missing} names the parts still to fill in, in that order.
 */
public record ProfileCompletion(int percent, List<String> missing) {

    private static final List<String> FIELDS = List.of("fullName", "email", "phoneNumber", "whatsappNumber", "lastEducation",
            "degree", "lastJobTitle");

    public static ProfileCompletion of(User user, boolean hasEducation, boolean hasWork, boolean hasJournal) {
        return of(Arrays.asList(user.fullName(), user.email(), user.phoneNumber(), user.whatsappNumber(), user.lastEducation(),
                user.degree(), user.lastJobTitle()), hasEducation, hasWork, hasJournal);
    }

    /** {@code fields}: full name, email, phone number, WhatsApp number, last education, degree, last job title, in this order (null or blank for none). */
    public static ProfileCompletion of(List<String> fields, boolean hasEducation, boolean hasWork, boolean hasJournal) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            check(missing, FIELDS.get(i), fields.get(i));
        }
        if (!hasEducation) {
            missing.add("education");
        }
        if (!hasWork) {
            missing.add("work");
        }
        if (!hasJournal) {
            missing.add("journals");
        }
        return new ProfileCompletion((10 - missing.size()) * 10, List.copyOf(missing));
    }

    private static void check(List<String> missing, String part, String value) {
        if (value == null || value.isBlank()) {
            missing.add(part);
        }
    }
}
