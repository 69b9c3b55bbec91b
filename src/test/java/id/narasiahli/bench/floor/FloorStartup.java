package id.narasiahli.bench.floor;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The stack floor's startup singleton: reads the database through JPA before the application serves, as ours does,
 * so that EJB, JPA and the datasource are deployed and used at startup with nothing else of ours.
 */
@Startup
@Singleton
public class FloorStartup {

    @PersistenceContext
    EntityManager entityManager;

    private volatile long changesets = -1;

    @PostConstruct
    void read() {
        changesets = entityManager.createQuery("SELECT COUNT(c) FROM FloorChange c", Long.class).getSingleResult();
    }

    public long changesets() {
        return changesets;
    }
}
