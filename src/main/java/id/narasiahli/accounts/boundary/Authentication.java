package id.narasiahli.accounts.boundary;

import id.narasiahli.accounts.control.LoginThrottle;
import id.narasiahli.accounts.control.PasswordPolicy;
import id.narasiahli.accounts.control.Passwords;
import id.narasiahli.accounts.control.RefreshTokens;
import id.narasiahli.accounts.control.TokenSigner;
import id.narasiahli.accounts.control.Tokens;
import id.narasiahli.accounts.entity.Role;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.observability.control.AppMetrics;
import id.narasiahli.platform.control.ApiException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.Optional;

/** Registration, login, refresh and logout: the transaction border of the accounts component. */
@Stateless
public class Authentication {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    TokenSigner signer;

    @Inject
    AppMetrics metrics;

    @Inject
    Credentials credentials;

    @Resource
    SessionContext context;

    public User register(String email, String password, String fullName) {
        PasswordPolicy.check(password, email, fullName).ifPresent(reason -> {
            throw ApiException.invalid("password", reason);
        });
        if (findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        User user = new User(email, fullName, passwords.hash(password), Role.USER);
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            throw emailTaken(); // another registration with this email won the race (uq_users_email)
        }
        return user;
    }

    /**
     * Outside any transaction, so that no request ever holds one pooled connection while waiting for
     * another: the attempt is admitted (and counted) in its own short transaction, the account is read
     * without one, the password hash is checked holding no connection at all, and only a match opens the
     * transaction that issues the tokens. A mismatch has nothing left to write.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Tokens login(String email, String password, String clientAddress) {
        String key = User.normalizeEmail(email);
        throttle.admit(key, clientAddress);
        Optional<User> user = findByEmail(key);
        boolean matches = user.isPresent() ? passwords.matches(password, user.get().passwordHash())
                : passwords.failAfterDecoyCheck(password);
        if (!matches) {
            metrics.loginFailed();
            throw ApiException.unauthorized("Email or password is wrong");
        }
        Tokens tokens = context.getBusinessObject(Authentication.class).signIn(user.get().id());
        metrics.loginSucceeded();
        return tokens;
    }

    /** The transactional half of {@link #login}, public only so that it is called through the container. */
    public Tokens signIn(int userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized("Email or password is wrong");
        }
        throttle.forgetFailures(User.normalizeEmail(user.email()));
        return tokens(user, refreshTokens.issue(user.id()));
    }

    /**
     * Changes the password after checking the current one (outside a transaction, like a login), then ends
     * every session: all refresh tokens of the account are revoked and the caller gets a fresh pair, so a
     * thief holding an old refresh token is out while the user stays signed in.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Tokens changePassword(int userId, String currentPassword, String newPassword, String clientAddress) {
        User user = credentials.confirm(userId, "currentPassword", currentPassword, clientAddress, "the password was not changed");
        PasswordPolicy.check(newPassword, user.email(), user.fullName()).ifPresent(reason -> {
            throw ApiException.invalid("newPassword", reason);
        });
        String hash = passwords.hash(newPassword);
        return context.getBusinessObject(Authentication.class).replacePassword(userId, hash);
    }

    /** The transactional half of {@link #changePassword}, public only so that it is called through the container. */
    public Tokens replacePassword(int userId, String passwordHash) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw ApiException.unauthorized("The account no longer exists");
        }
        user.changePasswordHash(passwordHash);
        user.touch();
        refreshTokens.revokeAllOf(userId);
        return tokens(user, refreshTokens.issue(userId));
    }

    /** Empty when the token had been used before: its family is revoked (and that is committed). */
    public Optional<Tokens> refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
        if (rotation.reuseDetected()) {
            metrics.refreshTokenReuseDetected();
            return Optional.empty();
        }
        User user = em.find(User.class, rotation.userId());
        if (user == null) {
            throw ApiException.unauthorized("The account no longer exists");
        }
        return Optional.of(tokens(user, rotation.next()));
    }

    public void logout(String refreshToken) {
        refreshTokens.revokeFamilyOf(refreshToken);
    }

    private Tokens tokens(User user, RefreshTokens.Issued refresh) {
        return new Tokens(signer.sign(user), signer.accessTokenLifetime().toSeconds(), refresh.token(),
                refresh.lifetime().toSeconds());
    }

    private Optional<User> findByEmail(String email) {
        List<User> found = em.createNamedQuery(User.FIND_BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email)).getResultList();
        return found.stream().findFirst();
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email-taken", "An account with this email already exists");
    }
}
