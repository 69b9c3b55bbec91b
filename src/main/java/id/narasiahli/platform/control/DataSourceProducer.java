package id.narasiahli.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The application's only way to the database: the container-managed datasource, looked up by the JNDI
 * name in {@code narasi.datasource.jndi-name} (default {@code jdbc/narasi}). No URL or credential lives
 * in the WAR.
 */
@ApplicationScoped
public class DataSourceProducer {

    @Inject
    @ConfigProperty(name = "narasi.datasource.jndi-name", defaultValue = "jdbc/narasi")
    String jndiName;

    private DataSource dataSource;

    @Produces
    public DataSource dataSource() {
        if (dataSource == null) {
            try {
                dataSource = InitialContext.doLookup(jndiName);
            } catch (NamingException e) {
                throw new IllegalStateException("No datasource is bound at JNDI name '" + jndiName
                        + "' (setting narasi.datasource.jndi-name): create the JDBC resource with the post-boot"
                        + " commands in server-config/ or in the admin console", e);
            }
        }
        return dataSource;
    }

    public String jndiName() {
        return jndiName;
    }
}
