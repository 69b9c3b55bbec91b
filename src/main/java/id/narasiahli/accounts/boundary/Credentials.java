package id.narasiahli.accounts.boundary;

import id.narasiahli.accounts.control.LoginThrottle;
import id.narasiahli.accounts.control.PasswordPolicy;
import id.narasiahli.accounts.control.Passwords;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.platform.control.ApiException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Re-asks a signed-in user for their current password before an action a stolen access token must not
 * allow (deleting the account, changing its email or password). Throttled like a login, and like a login
 * outside any transaction: the hash check holds no pooled connection, and a caller that needs one for the
 * action itself opens its transaction only after this returns.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Credentials {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    /**
     * Throws 400 naming {@code field} when {@code password} is missing, 403 {@code password-mismatch} when it
     * is wrong; {@code refusal} says what did not happen ("the account was not deleted"). Returns the account as read
     * (detached).
     */
    public User confirm(int userId, String field, String password, String clientAddress, String refusal) {
        if (password == null || password.isEmpty()) {
            throw ApiException.invalid(field, "is required (the current password), otherwise " + refusal);
        }
        if (password.length() > PasswordPolicy.MAX_LENGTH) {
            throw ApiException.invalid(field, "must have at most " + PasswordPolicy.MAX_LENGTH + " characters");
        }
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized("The account no longer exists");
        }
        String email = User.normalizeEmail(user.email());
        throttle.admit(email, clientAddress);
        if (!passwords.matches(password, user.passwordHash())) {
            throw ApiException.forbidden("password-mismatch", "The password is wrong; " + refusal);
        }
        throttle.forgetFailures(email);
        return user;
    }
}
