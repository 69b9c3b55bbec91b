package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.ChangesetRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * What the startup migration is doing, found and did, shared with readiness. Written by the startup singleton
 * while the deployment runs (Payara already calls readiness checks then), read by any request thread.
 */
@ApplicationScoped
public class SchemaState {

    private volatile SchemaMode mode;
    private volatile List<ChangesetRef> selected = List.of();
    private volatile boolean finished;
    private volatile String failure;
    private volatile String activity;

    public void finished(SchemaMode mode, List<ChangesetRef> selected) {
        this.mode = mode;
        this.selected = List.copyOf(selected);
        this.failure = null;
        this.activity = null;
        this.finished = true;
    }

    /** What the startup migration is doing right now (waiting for the lock, applying a changeset). */
    public void activity(String activity) {
        this.activity = activity;
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

    public String activity() {
        return activity;
    }
}
