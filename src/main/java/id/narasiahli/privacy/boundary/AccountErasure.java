package id.narasiahli.privacy.boundary;

import id.narasiahli.accounts.control.LoginThrottle;
import id.narasiahli.accounts.control.Passwords;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.platform.control.ApiException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.logging.Logger;

/**
 * Deletes an account at its owner's request, after checking their password (throttled like a login, so a
 * stolen access token cannot be used to guess it). Every table holding the user's rows references users
 * with ON DELETE CASCADE; failed-login records are keyed by email and removed here.
 */
@Stateless
public class AccountErasure {

    private static final Logger LOG = Logger.getLogger(AccountErasure.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    public void erase(int userId, String password, String clientAddress) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized("The account no longer exists");
        }
        String email = User.normalizeEmail(user.email());
        throttle.check(email, clientAddress);
        if (!passwords.matches(password, user.passwordHash())) {
            throttle.recordFailure(email, clientAddress);
            throw ApiException.forbidden("password-mismatch", "The password is wrong; the account was not deleted");
        }
        throttle.forgetFailures(email);
        em.remove(user);
        em.flush();
        LOG.info(() -> "Account " + userId + " deleted at its owner's request");
    }
}
