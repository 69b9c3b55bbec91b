package id.narasiahli.profiles.control;

import id.narasiahli.accounts.entity.User;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The editable profile fields and their rules, mirroring the users columns (lengths, NOT NULL) plus formats.
 * Phone and WhatsApp numbers are international (E.164): '+', then 8 to 15 digits, the first not 0.
 * Used field by field to validate a JSON merge patch of /api/me. A class, not a record: Payara's OpenAPI
 * scanner fails on constraint annotations of record components.
 */
public final class ProfileFields {

    @NotBlank @Size(max = User.FULL_NAME_LENGTH)
    String fullName;
    @NotBlank @Email @Size(max = User.EMAIL_LENGTH)
    String email;
    @Pattern(regexp = E164, message = E164_MESSAGE)
    String phoneNumber;
    @Pattern(regexp = E164, message = E164_MESSAGE)
    String whatsappNumber;
    @Size(max = User.LAST_EDUCATION_LENGTH)
    String lastEducation;
    @Size(max = User.DEGREE_LENGTH)
    String degree;
    @Size(max = User.LAST_JOB_TITLE_LENGTH)
    String lastJobTitle;

    public static final String E164 = "\\+[1-9][0-9]{7,14}";
    public static final String E164_MESSAGE = "must be an international number: '+' and 8 to 15 digits, e.g. +6281234567890";

    private ProfileFields() {
    }
}
