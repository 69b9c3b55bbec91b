package id.narasiahli.profiles.control;

import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import id.narasiahli.profiles.entity.OwnedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Finding and listing history entries of one user. An entry of another user is reported exactly like a
 * missing one (404), so ids reveal nothing.
 */
@ApplicationScoped
public class OwnedRecords {

    @PersistenceContext
    EntityManager em;

    public <T extends OwnedRecord> T find(Class<T> type, int id, int userId) {
        T found = em.find(type, id);
        if (found == null || found.userId() != userId) {
            throw ApiException.notFound(type.getSimpleName() + " " + id);
        }
        return found;
    }

    public <T extends OwnedRecord> Page<T> list(Class<T> type, int userId, PageRequest page) {
        String entity = type.getSimpleName();
        long total = em.createQuery("SELECT COUNT(r) FROM " + entity + " r WHERE r.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult();
        List<T> items = em.createQuery("SELECT r FROM " + entity + " r WHERE r.userId = :user" + page.orderClause("r"), type)
                .setParameter("user", userId)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        return Page.of(items, total, page);
    }

    public <T extends OwnedRecord> List<T> all(Class<T> type, int userId, String orderBy) {
        return em.createQuery("SELECT r FROM " + type.getSimpleName() + " r WHERE r.userId = :user ORDER BY r." + orderBy
                + " DESC, r.id", type).setParameter("user", userId).getResultList();
    }

    /** Which kinds of records {@code userId} has, in one round trip (the profile's completion needs all three). */
    public Presence presence(int userId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM education_histories WHERE user_id = ?1),"
                        + " EXISTS (SELECT 1 FROM work_histories WHERE user_id = ?1),"
                        + " EXISTS (SELECT 1 FROM research_journals WHERE user_id = ?1)")
                .setParameter(1, userId).getSingleResult();
        return new Presence((Boolean) row[0], (Boolean) row[1], (Boolean) row[2]);
    }

    public record Presence(boolean education, boolean work, boolean journal) {
    }
}
