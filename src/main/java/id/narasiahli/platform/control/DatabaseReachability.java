package id.narasiahli.platform.control;

import id.narasiahli.schema.liquibase.DatabaseTarget;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Payara logs EclipseLink in while it prepares the deployment, before any of our beans run; with the
 * database down that fails with a long EclipseLink trace. This listener (persistence.xml,
 * eclipselink.session-event-listener) tries the datasource first and fails with the same single message
 * the schema migrator gives: which database, host and port could not be reached, and why.
 */
public class DatabaseReachability extends SessionEventAdapter {

    private static final Logger LOG = Logger.getLogger(DatabaseReachability.class.getName());
    private static final String PERSISTENCE_UNIT_DATASOURCE = "jdbc/narasi";

    @Override
    public void preLogin(SessionEvent event) {
        if (!(event.getSession().getDatasourceLogin() instanceof DatasourceLogin login)
                || !(login.getConnector() instanceof JNDIConnector connector)) {
            return;
        }
        // EclipseLink retries a failed read outside a transaction 3 times, 5 s apart: with the database gone a
        // request would hang 15 s for the same failure. The pool reconnects by itself, DatabaseAvailability
        // answers 503 meanwhile, so fail at once.
        if (login instanceof DatabaseLogin database) {
            database.setQueryRetryAttemptCount(0);
            database.setDelayBetweenConnectionAttempts(0);
        }
        // Payara hands EclipseLink the datasource itself; the name is then the one in persistence.xml.
        String jndiName = connector.getName() != null ? connector.getName() : PERSISTENCE_UNIT_DATASOURCE;
        DataSource dataSource;
        try {
            dataSource = connector.getDataSource() != null ? connector.getDataSource() : InitialContext.doLookup(jndiName);
        } catch (NamingException e) {
            return; // EclipseLink reports a missing resource itself, naming it
        }
        try (Connection ignored = dataSource.getConnection()) {
            // reachable
        } catch (SQLException | RuntimeException e) {
            String message = DatabaseTarget.unreachable(dataSource, jndiName, e);
            LOG.severe(message);
            throw new IllegalStateException(message, e);
        }
    }
}
