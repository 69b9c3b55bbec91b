package id.narasiahli.aichat.control;

import id.narasiahli.aichat.entity.AiChatSession;
import id.narasiahli.platform.control.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Finds a session the way its owner may see it; shared by sessions, messages and logs. */
@ApplicationScoped
public class OwnedSessions {

    @PersistenceContext
    EntityManager em;

    /** The caller's session, not deleted; 404 for anything else, including other users' sessions. */
    public AiChatSession visible(int me, int sessionId) {
        AiChatSession session = em.find(AiChatSession.class, sessionId);
        if (session == null || !session.isVisibleTo(me)) {
            throw ApiException.notFound("AI session " + sessionId);
        }
        return session;
    }

    public static ApiException notActive(int sessionId) {
        return ApiException.conflict("session-not-active", "AI session " + sessionId
                + " is archived; reactivate it (PATCH status active) to continue it");
    }
}
