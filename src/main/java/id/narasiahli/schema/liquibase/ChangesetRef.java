package id.narasiahli.schema.liquibase;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;

/** A changeset's identity as Liquibase records it: changelog file, id and author. */
public record ChangesetRef(String file, String id, String author) {

    public static ChangesetRef of(ChangeSet changeSet) {
        return new ChangesetRef(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
    }

    public static ChangesetRef of(RanChangeSet ran) {
        return new ChangesetRef(ran.getChangeLog(), ran.getId(), ran.getAuthor());
    }

    /** Liquibase's own notation, {@code file::id::author}, as it appears in its messages. */
    @Override
    public String toString() {
        return file + "::" + id + "::" + author;
    }
}
