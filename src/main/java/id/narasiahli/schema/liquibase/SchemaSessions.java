package id.narasiahli.schema.liquibase;

import id.narasiahli.platform.control.DataSourceProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens {@link SchemaSession}s on the application's datasource with the changelog and contexts the
 * startup migration used (same settings), so the admin API sees the same changesets readiness checks.
 */
@ApplicationScoped
public class SchemaSessions {

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceProducer dataSources;

    @Inject
    @ConfigProperty(name = "narasi.schema.changelog", defaultValue = "liquibase/db.changelog-master.xml")
    String changelogFile;

    @Inject
    @ConfigProperty(name = "narasi.schema.contexts", defaultValue = "production")
    String contexts;

    public SchemaSession forReading() {
        return SchemaSession.forReading(connect(), changelogFile, contexts);
    }

    public SchemaSession forCommands() {
        return SchemaSession.forCommands(connect(), changelogFile, contexts);
    }

    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw new SchemaMigrationException(DatabaseTarget.unreachable(dataSource, dataSources.jndiName(), e), e);
        }
    }
}
