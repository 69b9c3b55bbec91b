package id.narasiahli.accounts.control;

import id.narasiahli.accounts.entity.Role;
import id.narasiahli.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The first administrator, from NARASI_ADMIN_EMAIL and NARASI_ADMIN_PASSWORD. Idempotent: an existing
 * account with that email is made ADMIN and keeps its password. There is no built-in administrator.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "narasi.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "narasi.admin.password")
    Optional<String> password;

    @Transactional
    public void ensure() {
        if (email.isEmpty() && password.isEmpty()) {
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("Set both NARASI_ADMIN_EMAIL and NARASI_ADMIN_PASSWORD"
                    + " (narasi.admin.email, narasi.admin.password) to create the first administrator, or neither");
        }
        String address = email.get().trim();
        List<User> existing = em.createNamedQuery(User.FIND_BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(address)).getResultList();
        if (!existing.isEmpty()) {
            User user = existing.get(0);
            if (user.role() != Role.ADMIN) {
                user.changeRole(Role.ADMIN);
                user.touch();
                LOG.info(() -> "Made existing account " + address + " an administrator (NARASI_ADMIN_EMAIL)");
            }
            return;
        }
        PasswordPolicy.check(password.get(), address, "Administrator").ifPresent(reason -> {
            throw new IllegalStateException("NARASI_ADMIN_PASSWORD " + reason);
        });
        em.persist(new User(address, "Administrator", passwords.hash(password.get()), Role.ADMIN));
        LOG.info(() -> "Created administrator " + address + " (NARASI_ADMIN_EMAIL)");
    }
}
