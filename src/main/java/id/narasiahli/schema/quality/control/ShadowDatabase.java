package id.narasiahli.schema.quality.control;

import id.narasiahli.schema.liquibase.SchemaMigrationException;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Where the changelog is applied to see what it produces. Either a configured database (kept, brought to head
 * each time, so it must serve nothing else) or a scratch database created next to the live one and dropped
 * afterwards, which needs the CREATEDB privilege for the application's database user.
 */
public final class ShadowDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ShadowDatabase.class.getName());

    private final PGSimpleDataSource dataSource;
    private final DataSource admin;
    private final String scratchName;

    private ShadowDatabase(PGSimpleDataSource dataSource, DataSource admin, String scratchName) {
        this.dataSource = dataSource;
        this.admin = admin;
        this.scratchName = scratchName;
    }

    public static ShadowDatabase configured(String jdbcUrl, String user, String password) {
        PGSimpleDataSource shadow = new PGSimpleDataSource();
        shadow.setURL(jdbcUrl);
        if (user != null && !user.isBlank()) {
            shadow.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            shadow.setPassword(password);
        }
        return new ShadowDatabase(shadow, null, null);
    }

    /** Creates {@code <live database>_shadow_<random>} on the live database's server with the live credentials. */
    public static ShadowDatabase scratchNextTo(DataSource live) {
        BaseDataSource pg;
        try {
            pg = live.unwrap(BaseDataSource.class);
        } catch (SQLException e) {
            throw new SchemaMigrationException("The live datasource is not a PostgreSQL datasource; configure "
                    + "narasi.schema.shadow-url for drift detection", e);
        }
        String name = (pg.getDatabaseName() + "_shadow_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4)))
                .toLowerCase();
        execute(live, "CREATE DATABASE " + name);
        PGSimpleDataSource shadow = new PGSimpleDataSource();
        shadow.setURL(pg.getURL());
        shadow.setUser(pg.getUser());
        shadow.setPassword(pg.getPassword());
        shadow.setDatabaseName(name);
        LOG.info(() -> "Created scratch shadow database " + name);
        return new ShadowDatabase(shadow, live, name);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        if (scratchName != null) {
            execute(admin, "DROP DATABASE IF EXISTS " + scratchName + " WITH (FORCE)");
            LOG.info(() -> "Dropped scratch shadow database " + scratchName);
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // CREATE/DROP DATABASE cannot run inside a transaction block
            c.setAutoCommit(true);
            s.execute(sql);
        } catch (SQLException e) {
            throw new SchemaMigrationException(sql + " failed (the database user needs CREATEDB for a scratch shadow "
                    + "database, or configure narasi.schema.shadow-url): " + e.getMessage(), e);
        }
    }
}
