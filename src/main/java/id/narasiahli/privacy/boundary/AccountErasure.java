package id.narasiahli.privacy.boundary;

import id.narasiahli.accounts.boundary.Credentials;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.platform.control.ApiException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
    Credentials credentials;

    @Resource
    SessionContext context;

    /** Outside a transaction for the password check (see Credentials), inside one for the removal. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void erase(int userId, String password, String clientAddress) {
        credentials.confirm(userId, "password", password, clientAddress, "the account was not deleted");
        context.getBusinessObject(AccountErasure.class).remove(userId);
    }

    /** The transactional half of {@link #erase}, public only so that it is called through the container. */
    public void remove(int userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized("The account no longer exists");
        }
        em.remove(user);
        em.flush();
        LOG.info(() -> "Account " + userId + " deleted at its owner's request");
    }
}
