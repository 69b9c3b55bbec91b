package id.narasiahli.schema.operations.control;

/** Who asks for a schema operation: the user id and name the verified access token carries. */
public record Actor(Integer id, String name) {

    @Override
    public String toString() {
        return (name == null ? "unknown user" : name) + " (user " + id + ")";
    }
}
