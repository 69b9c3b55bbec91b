package id.narasiahli.accounts.boundary;

import id.narasiahli.accounts.entity.User;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDateTime;
import java.util.Map;

/** Accounts as administrators see them. */
@Stateless
public class UserDirectory {

    public static final Map<String, String> SORT = Map.of("createdAt", "createdAt", "email", "email");

    @PersistenceContext
    EntityManager em;

    public record Account(int id, String email, String fullName, String role, LocalDateTime createdAt) {
    }

    public Page<Account> list(PageRequest page) {
        long total = em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
        var items = em.createQuery("SELECT u FROM User u" + page.orderClause("u"), User.class)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                .map(u -> new Account(u.id(), u.email(), u.fullName(), u.role().name(), u.createdAt())).toList();
        return Page.of(items, total, page);
    }
}
