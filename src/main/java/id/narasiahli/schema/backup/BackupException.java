package id.narasiahli.schema.backup;

/** A backup or restore that cannot be done, with the reason an operator can act on. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
