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
import jakarta.ejb.Stateless;
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

    public Tokens login(String email, String password, String clientAddress) {
        String key = User.normalizeEmail(email);
        throttle.check(key, clientAddress);
        Optional<User> user = findByEmail(key);
        boolean matches = user.isPresent() ? passwords.matches(password, user.get().passwordHash())
                : passwords.failAfterDecoyCheck(password);
        if (!matches) {
            throttle.recordFailure(key, clientAddress);
            metrics.loginFailed();
            throw ApiException.unauthorized("Email or password is wrong");
        }
        throttle.forgetFailures(key);
        metrics.loginSucceeded();
        return tokens(user.get(), refreshTokens.issue(user.get().id()));
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
