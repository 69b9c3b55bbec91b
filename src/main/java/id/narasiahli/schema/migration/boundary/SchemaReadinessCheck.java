package id.narasiahli.schema.migration.boundary;

import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.migration.control.InvalidIndexes;
import id.narasiahli.schema.migration.control.SchemaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.logging.Logger;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ready only when the database answers and holds every changeset this deployment selects. Reads the
 * tracking table on each probe (one indexed-size query), so a rollback done elsewhere shows at once.
 */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SchemaReadinessCheck.class.getName());

    private static final int TIMEOUT_SECONDS = 3;

    @Inject
    SchemaState state;

    @Inject
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("schema").down();
        if (state.mode() != null) {
            response.withData("mode", state.mode().label());
        }
        if (state.failure() != null) {
            return response.withData("reason", state.failure()).build();
        }
        if (!state.finished()) {
            String activity = state.activity();
            return response.withData("reason", activity == null ? "startup migration has not finished" : activity).build();
        }
        Set<ChangesetRef> applied;
        List<InvalidIndexes.InvalidIndex> invalid = new ArrayList<>();
        try {
            applied = appliedChangesets(invalid);
        } catch (SQLException | RuntimeException e) {
            // the driver's text names hosts and users: it goes to the log, the probe's public answer stays fixed
            LOG.warning(() -> "Readiness: the database does not answer: " + e.getMessage());
            return response.withData("reason", "the database does not answer").build();
        }
        if (!invalid.isEmpty()) {
            // serving is not at risk (writes keep such an index current), but a query plan is: say so, stay up
            response.withData("invalidIndexes", invalid.stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        List<ChangesetRef> pending = state.selected().stream().filter(ref -> !applied.contains(ref)).toList();
        response.withData("changesets", state.selected().size()).withData("pending", pending.size());
        if (!pending.isEmpty()) {
            return response.withData("reason", pending.size() + " changesets pending, first " + pending.get(0)).build();
        }
        return response.up().build();
    }

    private Set<ChangesetRef> appliedChangesets(List<InvalidIndexes.InvalidIndex> invalid) throws SQLException {
        Set<ChangesetRef> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                throw new SQLException("connection is not valid");
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT filename, id, author FROM databasechangelog")) {
                query.setQueryTimeout(TIMEOUT_SECONDS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        applied.add(new ChangesetRef(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
            } catch (SQLException e) {
                if (!"42P01".equals(e.getSQLState())) { // undefined_table: nothing applied yet
                    throw e;
                }
            }
            invalid.addAll(InvalidIndexes.list(connection));
        }
        return applied;
    }
}
