package id.narasiahli.schema.liquibase;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.TagVersionEnum;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.AfterTagChangeSetFilter;
import liquibase.changelog.filter.AlreadyRanChangeSetFilter;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ChangeSetFilterResult;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.CountChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.filter.UpToTagChangeSetFilter;
import liquibase.changelog.visitor.ChangeSetVisitor;
import liquibase.changelog.visitor.ExpectedChangesVisitor;
import liquibase.command.core.StatusCommandStep;
import liquibase.database.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which changesets Liquibase's commands would pick (status, update, updateCount, updateToTag, rollback,
 * rollbackCount, unexpectedChangesets), worked out with the same filters and visitors in the same order,
 * so the API can show, check and refuse before a command runs. Reads only.
 */
public final class ChangesetSelection {

    private final LiquibaseSession session;

    ChangesetSelection(LiquibaseSession session) {
        this.session = session;
    }

    /** Changesets this deployment selects that are not applied, in changelog order (Liquibase's status). */
    public List<ChangeSet> pending() {
        return session.call("list pending changesets", () -> {
            session.history().reset();
            return List.copyOf(new StatusCommandStep().listUnrunChangeSets(
                    new Contexts(session.contexts()), new LabelExpression(), session.changelog(), session.database()));
        });
    }

    /** Changesets recorded in the database that this deployment's changelog does not select. */
    public List<RanChangeSet> unexpected() {
        return session.call("list unexpected changesets", () -> {
            ExpectedChangesVisitor visitor = new ExpectedChangesVisitor(session.ranChangesets());
            new ChangeLogIterator(session.changelog(), new ContextChangeSetFilter(new Contexts(session.contexts())),
                    new LabelChangeSetFilter(new LabelExpression()), new DbmsChangeSetFilter(session.database()),
                    new IgnoreChangeSetFilter())
                    .run(visitor, session.environment());
            return List.copyOf(visitor.getUnexpectedChangeSets());
        });
    }

    /**
     * The changesets a rollback to {@code target} would undo, newest first: Liquibase's rollback commands'
     * own selection (the same filters in the same order), computed without running anything.
     */
    public List<ChangeSet> rollbackCandidates(Target target) {
        return session.call("select changesets to roll back", () -> {
            List<RanChangeSet> ran = session.ranChangesets();
            ChangeSetFilter limit = target.toTag() != null
                    ? new AfterTagChangeSetFilter(target.toTag(), ran, TagVersionEnum.OLDEST, session.changelog())
                    : new CountChangeSetFilter(target.count() == null ? Integer.MAX_VALUE : target.count());
            ChangeLogIterator iterator = new ChangeLogIterator(ran, session.changelog(),
                    new AlreadyRanChangeSetFilter(ran), new ContextChangeSetFilter(new Contexts(session.contexts())),
                    new LabelChangeSetFilter(new LabelExpression()), new IgnoreChangeSetFilter(),
                    new DbmsChangeSetFilter(session.database()), limit);
            List<ChangeSet> selected = new ArrayList<>();
            iterator.run(collector(selected, ChangeSetVisitor.Direction.REVERSE), session.environment());
            return selected;
        });
    }

    /**
     * The pending changesets an update to {@code target} would apply, in order: the filters of Liquibase's
     * update, updateCount and updateToTag commands, computed without running anything.
     */
    public List<ChangeSet> updateCandidates(Target target) {
        return session.call("select changesets to apply", () -> {
            session.history().reset();
            List<ChangeSetFilter> filters = new ArrayList<>();
            if (target.toTag() == null) {
                filters.add(new ShouldRunChangeSetFilter(session.database()));
            }
            filters.add(new ContextChangeSetFilter(new Contexts(session.contexts())));
            filters.add(new LabelChangeSetFilter(new LabelExpression()));
            filters.add(new DbmsChangeSetFilter(session.database()));
            filters.add(new IgnoreChangeSetFilter());
            if (target.toTag() != null) {
                // placed before the should-run filter so it sees applied changesets too, as updateToTag does
                filters.add(new UpToTagChangeSetFilter(target.toTag(), session.ranChangesets()));
                filters.add(new ShouldRunChangeSetFilter(session.database()));
            } else if (target.count() != null) {
                filters.add(new CountChangeSetFilter(target.count()));
            }
            List<ChangeSet> selected = new ArrayList<>();
            new ChangeLogIterator(session.changelog(), filters).run(collector(selected, ChangeSetVisitor.Direction.FORWARD), session.environment());
            return selected;
        });
    }

    /** Tags that changesets of the changelog set when they run (tagDatabase), in changelog order. */
    public List<String> changelogTags() {
        List<String> tags = new ArrayList<>();
        for (ChangeSet changeSet : session.changelog().getChangeSets()) {
            for (Change change : changeSet.getChanges()) {
                if (change instanceof TagDatabaseChange tag) {
                    tags.add(tag.getTag());
                }
            }
        }
        return tags;
    }

    /** Whether Liquibase can roll {@code changeSet} back (an explicit rollback, or changes it can invert). */
    public boolean supportsRollback(ChangeSet changeSet) {
        return session.call("check rollback of " + changeSet, () -> changeSet.supportsRollback(session.database()));
    }

    private static ChangeSetVisitor collector(List<ChangeSet> into, ChangeSetVisitor.Direction direction) {
        return new ChangeSetVisitor() {
            @Override
            public Direction getDirection() {
                return direction;
            }

            @Override
            public void visit(ChangeSet changeSet, DatabaseChangeLog log, Database db, Set<ChangeSetFilterResult> results) {
                into.add(changeSet);
            }
        };
    }
}
