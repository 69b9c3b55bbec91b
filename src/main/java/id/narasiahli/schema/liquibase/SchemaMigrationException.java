package id.narasiahli.schema.liquibase;

/**
 * The schema cannot be brought to, or confirmed at, the changelog's head. Thrown from the startup
 * singleton it aborts the deployment; its message names the changeset, setting or database concerned.
 */
public class SchemaMigrationException extends RuntimeException {

    public SchemaMigrationException(String message) {
        super(message);
    }

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
