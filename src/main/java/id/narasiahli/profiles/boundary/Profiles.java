package id.narasiahli.profiles.boundary;

import id.narasiahli.accounts.boundary.Credentials;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.profiles.control.OwnedRecords;
import id.narasiahli.profiles.control.ProfileCompletion;
import id.narasiahli.profiles.control.ProfileFields;
import id.narasiahli.profiles.entity.EducationHistory;
import id.narasiahli.profiles.entity.ResearchJournal;
import id.narasiahli.profiles.entity.WorkHistory;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The caller's own profile: read with its completion, change by JSON merge patch. */
@Stateless
public class Profiles {

    /** Patchable fields and how each is applied; anything else in a patch is refused. */
    private static final Map<String, BiConsumer<User, String>> FIELDS = Map.of(
            "fullName", User::changeFullName,
            "email", User::changeEmail,
            "phoneNumber", User::changePhoneNumber,
            "whatsappNumber", User::changeWhatsappNumber,
            "lastEducation", User::changeLastEducation,
            "degree", User::changeDegree,
            "lastJobTitle", User::changeLastJobTitle);

    /** The member of a patch that carries the current password; not a profile field. */
    public static final String CURRENT_PASSWORD = "currentPassword";

    @PersistenceContext
    EntityManager em;

    @Inject
    Credentials credentials;

    @Resource
    SessionContext context;

    @Inject
    OwnedRecords records;

    @Inject
    Validator validator;

    public record Profile(int id, String email, String fullName, String phoneNumber, String whatsappNumber,
                          String lastEducation, String degree, String lastJobTitle, String role,
                          LocalDateTime createdAt, LocalDateTime updatedAt, int profileCompletion,
                          List<String> missingForCompletion) {
    }

    public Profile view(int userId) {
        User user = existing(userId);
        OwnedRecords.Presence has = records.presence(userId);
        ProfileCompletion completion = ProfileCompletion.of(user, has.education(), has.work(), has.journal());
        return new Profile(user.id(), user.email(), user.fullName(), user.phoneNumber(), user.whatsappNumber(),
                user.lastEducation(), user.degree(), user.lastJobTitle(), user.role().name(), user.createdAt(),
                user.updatedAt(), completion.percent(), completion.missing());
    }

    /**
     * A patch that changes the email must carry the current password as {@code currentPassword}: whoever
     * controls the email controls the account (and FirstAdmin's address), so a stolen access token alone
     * must not move it. The password is checked outside a transaction (see Credentials), then the patch
     * is applied in one.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Profile patch(int userId, JsonObject patch, String clientAddress) {
        JsonObject fields = Json.createObjectBuilder(patch).remove(CURRENT_PASSWORD).build();
        if (fields.get("email") instanceof JsonString email
                && !User.normalizeEmail(email.getString()).equals(User.normalizeEmail(existing(userId).email()))) {
            checked(existing(userId), fields); // an invalid or taken address is answered before the password is asked
            JsonValue password = patch.get(CURRENT_PASSWORD);
            credentials.confirm(userId, CURRENT_PASSWORD, password instanceof JsonString s ? s.getString() : null,
                    clientAddress, "the email was not changed");
        }
        return context.getBusinessObject(Profiles.class).apply(userId, fields);
    }

    /**
     * RFC 7396 merge patch: a field present is set, {@code null} clears it (where the column allows), an
     * absent field is kept. Every field is checked before anything changes. Public only so that
     * {@link #patch} calls it through the container (its transaction).
     */
    public Profile apply(int userId, JsonObject patch) {
        User user = existing(userId);
        checked(user, patch).forEach((name, text) -> FIELDS.get(name).accept(user, text));
        user.touch();
        em.flush();
        return view(userId);
    }

    /** The patch's values by field, after every check (400 naming each invalid field, 409 for a taken email). */
    private Map<String, String> checked(User user, JsonObject patch) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> field : patch.entrySet()) {
            String name = field.getKey();
            if (!FIELDS.containsKey(name)) {
                errors.add(new ApiException.FieldError(name, "is not a field of the profile (allowed: "
                        + String.join(", ", FIELDS.keySet().stream().sorted().toList()) + ")"));
                continue;
            }
            JsonValue value = field.getValue();
            if (value.getValueType() != JsonValue.ValueType.NULL && value.getValueType() != JsonValue.ValueType.STRING) {
                errors.add(new ApiException.FieldError(name, "must be a string or null"));
                continue;
            }
            String text = value instanceof JsonString s ? s.getString().trim() : null;
            if (text != null && text.isEmpty()) {
                text = null;
            }
            for (ConstraintViolation<ProfileFields> violation : validator.validateValue(ProfileFields.class, name, text)) {
                errors.add(new ApiException.FieldError(name, violation.getMessage()));
            }
            values.put(name, text);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String email = values.get("email");
        if (email != null && !User.normalizeEmail(email).equals(User.normalizeEmail(user.email())) && emailTaken(email)) {
            throw ApiException.conflict("email-taken", "An account with this email already exists");
        }
        return values;
    }

    private boolean emailTaken(String email) {
        return !em.createNamedQuery(User.FIND_BY_EMAIL, User.class).setParameter("email", User.normalizeEmail(email))
                .getResultList().isEmpty();
    }

    private User existing(int userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized("The account no longer exists");
        }
        return user;
    }
}
