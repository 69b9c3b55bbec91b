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
 * The first administrator, from NARASI_ADMIN_EMAIL and NARASI_ADMIN_PASSWORD: created only while the
 * database holds no administrator at all, and never by promoting an existing account. Registration is
 * open, so an account with the configured address may belong to anyone (the address was free, the
 * variable was set later); promoting it would hand the schema API to whoever registered it first. There is
 * no built-in administrator; further ones are made by an administrator.
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
        long admins = em.createQuery("SELECT count(u) FROM User u WHERE u.role = :role", Long.class)
                .setParameter("role", Role.ADMIN).getSingleResult();
        if (admins > 0) {
            LOG.fine(() -> "An administrator exists; NARASI_ADMIN_EMAIL only ever creates the first one");
            return;
        }
        List<User> existing = em.createNamedQuery(User.FIND_BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(address)).getResultList();
        if (!existing.isEmpty()) {
            LOG.warning(() -> "No administrator created: an account with NARASI_ADMIN_EMAIL " + address
                    + " already exists and is never promoted (anyone may have registered it); set an unused address");
            return;
        }
        PasswordPolicy.check(password.get(), address, "Administrator").ifPresent(reason -> {
            throw new IllegalStateException("NARASI_ADMIN_PASSWORD " + reason);
        });
        em.persist(new User(address, "Administrator", passwords.hash(password.get()), Role.ADMIN));
        LOG.info(() -> "Created administrator " + address + " (NARASI_ADMIN_EMAIL)");
    }
}
