package id.narasiahli.schema.cli;

/** Options that do not make a command (exit code 2), found after picocli's own checks passed. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
