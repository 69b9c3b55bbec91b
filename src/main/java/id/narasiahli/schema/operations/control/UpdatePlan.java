package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.Target;
import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.platform.control.ApiException;
import liquibase.changelog.RanChangeSet;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.core.ChangelogSyncSqlCommandStep;
import liquibase.command.core.ChangelogSyncToTagCommandStep;
import liquibase.command.core.ChangelogSyncToTagSqlCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.UpdateCountSqlCommandStep;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.UpdateToTagSqlCommandStep;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What applying (or marking as applied) up to a target would do: the pending changesets it selects, and
 * the Liquibase command that does it. Checked before anything runs, because Liquibase itself applies
 * everything when asked for a tag it does not know (updateToTag and changelogSyncToTag only warn) and
 * silently stops at the end when asked for more changesets than are pending.
 */
public record UpdatePlan(Target target, List<ChangesetRef> changesets) {

    public static UpdatePlan of(LiquibaseSession session, Target target) {
        if (target.count() != null) {
            int pending = session.selection().pending().size();
            if (target.count() > pending) {
                throw ApiException.invalid("count", target.count() + " is more than the " + pending
                        + " pending changesets; nothing was changed");
            }
        }
        if (target.toTag() != null) {
            List<String> inChangelog = session.selection().changelogTags();
            boolean known = inChangelog.contains(target.toTag()) || session.ranChangesets().stream()
                    .map(RanChangeSet::getTag).filter(Objects::nonNull).anyMatch(target.toTag()::equalsIgnoreCase);
            if (!known) {
                throw ApiException.invalid("toTag", "no changeset of the changelog sets the tag '" + target.toTag()
                        + "' and the database has no such tag (tags set by the changelog: " + inChangelog
                        + "); nothing was changed");
            }
        }
        return new UpdatePlan(target, session.selection().updateCandidates(target).stream().map(ChangesetRef::of).toList());
    }

    public String[] updateCommand() {
        return target.toTag() != null ? UpdateToTagCommandStep.COMMAND_NAME
                : target.count() != null ? UpdateCountCommandStep.COMMAND_NAME : UpdateCommandStep.COMMAND_NAME;
    }

    public String[] updateSqlCommand() {
        return target.toTag() != null ? UpdateToTagSqlCommandStep.COMMAND_NAME
                : target.count() != null ? UpdateCountSqlCommandStep.COMMAND_NAME : UpdateSqlCommandStep.COMMAND_NAME;
    }

    /** Liquibase can mark all pending changesets, or those up to a tag, as applied; not a count of them. */
    public String[] syncCommand() {
        requireNoCount();
        return target.toTag() != null ? ChangelogSyncToTagCommandStep.COMMAND_NAME : ChangelogSyncCommandStep.COMMAND_NAME;
    }

    public String[] syncSqlCommand() {
        requireNoCount();
        return target.toTag() != null ? ChangelogSyncToTagSqlCommandStep.COMMAND_NAME : ChangelogSyncSqlCommandStep.COMMAND_NAME;
    }

    /** The command arguments that carry the target ("tag" or "count", as Liquibase names them). */
    public Map<String, Object> arguments() {
        if (target.toTag() != null) {
            return Map.of("tag", target.toTag());
        }
        return target.count() != null ? Map.of("count", target.count()) : Map.of();
    }

    /**
     * What is left of the target once {@code applied} of its changesets are applied (an apply retried after a lock
     * wait): a count counts from the first pending changeset, so it shrinks; a tag or "all" stays.
     */
    public Target rest(int applied) {
        return target.count() != null ? Target.count(target.count() - applied) : target;
    }

    /** The command arguments for {@link #rest}. */
    public Map<String, Object> arguments(int applied) {
        return new UpdatePlan(rest(applied), changesets).arguments();
    }

    private void requireNoCount() {
        if (target.count() != null) {
            throw ApiException.invalid("count", "repair marks all pending changesets or those up to a tag (toTag),"
                    + " not a number of them; nothing was changed");
        }
    }
}
