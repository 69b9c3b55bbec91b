package id.narasiahli.devserver;

import jakarta.persistence.Convert;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import org.eclipse.persistence.jpa.PersistenceProvider;

import javax.sql.DataSource;
import java.net.URL;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Lets EclipseLink (the provider Payara runs) create the tables it would expect for the given entity classes
 * in a scratch database. A persistence unit built here, not the WAR's persistence.xml, so the classes are
 * exactly the ones given and no JTA or JNDI is needed.
 */
final class EntityDdl {

    private EntityDdl() {
    }

    static void createTables(Collection<Class<?>> entities, DataSource scratch) {
        Map<String, Object> properties = Map.of(
                "jakarta.persistence.schema-generation.database.action", "create",
                "eclipselink.target-database", "PostgreSQL",
                "eclipselink.logging.level", "WARNING");
        EntityManagerFactory factory = new PersistenceProvider().createContainerEntityManagerFactory(unit(entities, scratch), properties);
        try {
            factory.createEntityManager().close();
        } finally {
            factory.close();
        }
    }

    private static PersistenceUnitInfo unit(Collection<Class<?>> entities, DataSource scratch) {
        // the entities and the converters their fields name (@Convert): with unlisted classes excluded, EclipseLink
        // finds no converter it was not given
        List<String> names = Stream.concat(entities.stream(), entities.stream()
                        .flatMap(entity -> Arrays.stream(entity.getDeclaredFields()))
                        .map(field -> field.getAnnotation(Convert.class))
                        .filter(convert -> convert != null && convert.converter() != void.class)
                        .map(Convert::converter))
                .map(Class::getName).distinct().toList();
        ClassLoader loader = EntityDdl.class.getClassLoader();
        // EclipseLink wants a root even when every class is listed; the first entity's class directory or jar
        URL root = entities.iterator().next().getProtectionDomain().getCodeSource().getLocation();
        return new PersistenceUnitInfo() {
            public String getPersistenceUnitName() { return "narasi-entity-ddl"; }
            public String getPersistenceProviderClassName() { return PersistenceProvider.class.getName(); }
            public PersistenceUnitTransactionType getTransactionType() { return PersistenceUnitTransactionType.RESOURCE_LOCAL; }
            public DataSource getJtaDataSource() { return null; }
            public DataSource getNonJtaDataSource() { return scratch; }
            public List<String> getMappingFileNames() { return List.of(); }
            public List<URL> getJarFileUrls() { return List.of(); }
            public URL getPersistenceUnitRootUrl() { return root; }
            public List<String> getManagedClassNames() { return names; }
            public boolean excludeUnlistedClasses() { return true; }
            public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.NONE; }
            public ValidationMode getValidationMode() { return ValidationMode.NONE; }
            public Properties getProperties() { return new Properties(); }
            public String getPersistenceXMLSchemaVersion() { return "3.0"; }
            public ClassLoader getClassLoader() { return loader; }
            public void addTransformer(ClassTransformer transformer) { }
            public ClassLoader getNewTempClassLoader() { return loader; }
        };
    }
}
