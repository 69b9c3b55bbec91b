package id.narasiahli.devserver;

import id.narasiahli.schema.quality.control.DriftItem;
import id.narasiahli.schema.quality.control.EntityDrift;
import id.narasiahli.schema.quality.control.ShadowDatabase;
import jakarta.persistence.Entity;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code mvn -Pschema-drift}: the drift between the JPA entities and the migrated development database
 * (that of {@code mvn -Prun package}, or the DB_* variables), and with {@code -Dnarasi.draft=<name>} a new
 * formatted-SQL changeset draft with what the entities need, written to liquibase/changelog/ but not registered.
 */
public final class SchemaDriftCommand {

    private SchemaDriftCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("narasi.dev.projectDir", "."));
        DataSource dev = developmentDatabase();
        List<Class<?>> entities = entitiesIn(project.resolve("target/classes"));
        System.out.println("Entities: " + entities.stream().map(Class::getSimpleName).toList());
        List<DriftItem> drift;
        try (Connection c = dev.getConnection()) {
            drift = EntityDrift.compare(entities, c);
        }
        System.out.println(drift.isEmpty() ? "No drift between the entities and the development database."
                : "Drift between the entities and the development database:");
        drift.forEach(d -> System.out.println("  " + d.kind() + " " + d.type() + " " + d.name() + ": " + d.detail()));
        String name = System.getProperty("narasi.draft", "").strip();
        if (!name.isEmpty()) {
            ChangesetDraft.Draft draft = draft(entities, dev);
            if (draft.isEmpty()) {
                System.out.println("Nothing to add: every mapped table and column exists.");
                return;
            }
            String id = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)) + "_" + name;
            Path file = project.resolve("liquibase/changelog/" + id + ".sql");
            Files.writeString(file, draft.render(id));
            System.out.println("Wrote " + project.relativize(file) + " (not registered in the master changelog: review it first)");
        }
    }

    /** EclipseLink's tables for {@code entities} in a scratch database, compared with {@code dev} by Liquibase. */
    static ChangesetDraft.Draft draft(Collection<Class<?>> entities, DataSource dev) throws Exception {
        try (ShadowDatabase scratch = ShadowDatabase.scratchNextTo(dev)) {
            EntityDdl.createTables(entities, scratch.dataSource());
            return ChangesetDraft.between(scratch.connect(), dev.getConnection());
        }
    }

    private static DataSource developmentDatabase() {
        PGSimpleDataSource dev = new PGSimpleDataSource();
        dev.setServerNames(new String[]{env("DB_HOST", "localhost")});
        dev.setPortNumbers(new int[]{Integer.parseInt(env("DB_PORT", "15432"))});
        dev.setDatabaseName(env("DB_NAME", "narasi"));
        dev.setUser(env("DB_USER", "postgres"));
        dev.setPassword(env("DB_PASSWORD", ""));
        return dev;
    }

    private static List<Class<?>> entitiesIn(Path classes) throws IOException {
        List<Class<?>> entities = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && f.getParent().endsWith("entity")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name);
                    if (type.isAnnotationPresent(Entity.class)) {
                        entities.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new UncheckedIOException(new IOException(e));
                }
            }
        }
        return entities;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
