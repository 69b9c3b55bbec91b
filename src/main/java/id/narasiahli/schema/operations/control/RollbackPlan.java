package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.Target;
import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.liquibase.ErrorMessages;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.platform.control.ApiException;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.command.core.RollbackCommandStep;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.RollbackCountSqlCommandStep;
import liquibase.command.core.RollbackSqlCommandStep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What rolling back to a target would do, worked out completely before anything runs: the changesets,
 * newest first, Liquibase's SQL for them, and the state of databasechangelog it was computed from. Its
 * {@link #digest()} is what a confirmation token is bound to: the same target, the same changesets and
 * SQL, the same recorded history.
 */
public record RollbackPlan(Target target, List<ChangesetRef> changesets, String sql, String trackingDigest) {

    /**
     * Refuses what Liquibase would only find out half-way (a changeset without rollback, after the newer
     * ones were already rolled back and committed) or would accept without a word (more changesets than
     * applied: it just stops).
     */
    public static RollbackPlan of(LiquibaseSession session, Target target) {
        if (target.all()) {
            throw ApiException.invalid("body", "name how far to roll back: toTag or count");
        }
        if (target.toTag() != null) {
            List<String> tags = session.ranChangesets().stream().map(RanChangeSet::getTag).filter(Objects::nonNull).toList();
            if (tags.stream().noneMatch(target.toTag()::equalsIgnoreCase)) {
                throw ApiException.invalid("toTag", "the tag '" + target.toTag() + "' is not in the database: it was never"
                        + " set, or a rollback removed the changeset that carried it (tags now: " + tags + "); nothing was changed");
            }
        } else {
            int applied = session.selection().rollbackCandidates(Target.count(Integer.MAX_VALUE)).size();
            if (target.count() > applied) {
                throw ApiException.invalid("count", target.count() + " is more than the " + applied
                        + " applied changesets of this changelog; nothing was changed");
            }
        }
        List<ChangeSet> candidates = session.selection().rollbackCandidates(target);
        List<ChangesetRef> withoutRollback = candidates.stream().filter(c -> !session.selection().supportsRollback(c))
                .map(ChangesetRef::of).toList();
        if (!withoutRollback.isEmpty()) {
            throw SchemaOperationException.rollbackImpossible(withoutRollback);
        }
        String sql;
        try {
            sql = session.sql(target.toTag() != null ? RollbackSqlCommandStep.COMMAND_NAME : RollbackCountSqlCommandStep.COMMAND_NAME,
                    arguments(target));
        } catch (Exception e) {
            throw SchemaOperationException.failed("Preparing the rollback SQL", ErrorMessages.rootMessage(e));
        }
        return new RollbackPlan(target, candidates.stream().map(ChangesetRef::of).toList(), sql,
                TrackingDigest.of(session.connection()));
    }

    public String[] command() {
        return target.toTag() != null ? RollbackCommandStep.COMMAND_NAME : RollbackCountCommandStep.COMMAND_NAME;
    }

    public Map<String, Object> arguments() {
        return arguments(target);
    }

    private static Map<String, Object> arguments(Target target) {
        return target.toTag() != null ? Map.of("tag", target.toTag()) : Map.of("count", target.count());
    }

    /**
     * SHA-256 over the target, the changesets, the SQL statements (Liquibase's comment lines left out: they
     * carry the time the script was generated) and the recorded history.
     */
    public String digest() {
        String statements = sql.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("--"))
                .collect(Collectors.joining("\n"));
        String text = target.key() + "\n" + changesets + "\n" + statements + "\n" + trackingDigest;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
