package id.narasiahli.profiles.control;

import id.narasiahli.accounts.entity.User;

import java.util.ArrayList;
import java.util.List;

/**
 * How complete a profile is, in whole percent: ten parts worth 10 each — full name, email, phone number,
 * WhatsApp number, last education, degree, last job title, and at least one education, one work and one
 * journal entry. {@code missing} names the parts still to fill in, in that order.
 */
public record ProfileCompletion(int percent, List<String> missing) {

    public static ProfileCompletion of(User user, boolean hasEducation, boolean hasWork, boolean hasJournal) {
        List<String> missing = new ArrayList<>();
        check(missing, "fullName", user.fullName());
        check(missing, "email", user.email());
        check(missing, "phoneNumber", user.phoneNumber());
        check(missing, "whatsappNumber", user.whatsappNumber());
        check(missing, "lastEducation", user.lastEducation());
        check(missing, "degree", user.degree());
        check(missing, "lastJobTitle", user.lastJobTitle());
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
