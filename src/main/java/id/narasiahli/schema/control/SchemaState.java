package id.narasiahli.schema.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * What the startup migration found and did, shared with readiness. Written once by the startup singleton,
 * read by any request thread.
 */
@ApplicationScoped
public class SchemaState {

    private volatile SchemaMode mode;
    private volatile List<ChangesetRef> selected = List.of();
    private volatile boolean finished;
    private volatile String failure;

    public void finished(SchemaMode mode, List<ChangesetRef> selected) {
        this.mode = mode;
        this.selected = List.copyOf(selected);
        this.failure = null;
        this.finished = true;
    }

    public void failed(SchemaMode mode, String failure) {
        this.mode = mode;
        this.failure = failure;
        this.finished = false;
    }

    public SchemaMode mode() {
        return mode;
    }

    /** The changesets the database must hold to be at head, in changelog order. */
    public List<ChangesetRef> selected() {
        return selected;
    }

    public boolean finished() {
        return finished;
    }

    public String failure() {
        return failure;
    }
}
