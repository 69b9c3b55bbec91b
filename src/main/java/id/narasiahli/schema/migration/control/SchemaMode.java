package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.SchemaMigrationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the startup migration does with pending changesets (setting {@code narasi.schema.mode}). */
public enum SchemaMode {
    /** Apply every pending changeset before the application serves. */
    UPDATE,
    /** Apply nothing; refuse to start when a changeset is pending or an applied one changed. */
    VALIDATE,
    /** Do not touch the schema at startup (readiness still reports pending changesets). */
    OFF;

    public static final String SETTING = "narasi.schema.mode";

    public static SchemaMode parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (SchemaMode mode : values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new SchemaMigrationException("Invalid setting " + SETTING + " (env NARASI_SCHEMA_MODE) = '" + value
                + "': expected one of " + Arrays.stream(values()).map(SchemaMode::label).collect(Collectors.joining(", ")));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
