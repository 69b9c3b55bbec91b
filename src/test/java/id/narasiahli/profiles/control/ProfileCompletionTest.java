package id.narasiahli.profiles.control;

import id.narasiahli.accounts.entity.Role;
import id.narasiahli.accounts.entity.User;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileCompletionTest {

    @Test
    void tenPartsOfTenPercent() {
        User user = new User("a@example.com", "Ana", "hash", Role.USER);
        assertEquals(new ProfileCompletion(20, List.of("phoneNumber", "whatsappNumber", "lastEducation", "degree", "lastJobTitle",
                "education", "work", "journals")), ProfileCompletion.of(user, false, false, false));
        user.changeDegree("  ");
        user.changePhoneNumber("+6281234567890");
        assertEquals(40, ProfileCompletion.of(user, true, false, false).percent(), "blank counts as missing");
        user.changeDegree("Dr.");
        user.changeWhatsappNumber("+6281234567891");
        user.changeLastEducation("S3");
        user.changeLastJobTitle("Dosen");
        assertEquals(new ProfileCompletion(100, List.of()), ProfileCompletion.of(user, true, true, true));
    }
}
