package id.narasiahli.schema.cli;

/** An operation that could not be done (exit code 1); the message names the changeset, setting or database error. */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
