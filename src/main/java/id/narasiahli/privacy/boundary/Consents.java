package id.narasiahli.privacy.boundary;

import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Timestamps;
import id.narasiahli.privacy.entity.Consent;
import id.narasiahli.privacy.entity.ConsentPurpose;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A user's consents: what they agreed to, since when, and what they withdrew. */
@Stateless
public class Consents {

    @PersistenceContext
    EntityManager em;

    /** One purpose now: granted or not, since when; {@code history} lists every grant with its withdrawal. */
    public record ConsentView(String purpose, boolean granted, Instant grantedAt, List<Grant> history) {
    }

    public record Grant(Instant grantedAt, Instant withdrawnAt) {
    }

    public List<ConsentView> of(int userId) {
        List<Consent> all = em.createNamedQuery(Consent.OF_USER, Consent.class).setParameter("user", userId).getResultList();
        return Arrays.stream(ConsentPurpose.values()).map(purpose -> {
            List<Consent> mine = all.stream().filter(c -> c.purpose().equals(purpose.value())).toList();
            Consent active = mine.stream().filter(c -> c.withdrawnAt() == null).findFirst().orElse(null);
            return new ConsentView(purpose.value(), active != null, active == null ? null : Timestamps.instant(active.grantedAt()),
                    mine.stream().map(c -> new Grant(Timestamps.instant(c.grantedAt()), Timestamps.instant(c.withdrawnAt()))).toList());
        }).toList();
    }

    /** Idempotent: an active grant stays as it is (its time is when the user first agreed). */
    public List<ConsentView> grant(int userId, String purpose) {
        ConsentPurpose known = purpose(purpose);
        if (active(userId, known).isEmpty()) {
            try {
                em.persist(new Consent(userId, known, Timestamps.now()));
                em.flush();
            } catch (PersistenceException e) {
                // a parallel grant won (idx_consents_user_purpose_active): the consent is active either way
            }
        }
        return of(userId);
    }

    /** Idempotent: withdrawing what is not granted changes nothing. */
    public List<ConsentView> withdraw(int userId, String purpose) {
        active(userId, purpose(purpose)).forEach(c -> c.withdraw(Timestamps.now()));
        return of(userId);
    }

    private List<Consent> active(int userId, ConsentPurpose purpose) {
        return em.createNamedQuery(Consent.ACTIVE, Consent.class).setParameter("user", userId)
                .setParameter("purpose", purpose.value()).getResultList();
    }

    private static ConsentPurpose purpose(String value) {
        return ConsentPurpose.of(value).orElseThrow(() -> ApiException.notFound("Consent purpose '" + value + "'"));
    }
}
