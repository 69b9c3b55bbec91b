package id.narasiahli.schema.quality.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Findings accepted once, with a reason, for changesets that already exist and must not be edited (their
 * checksums are recorded). One line each: {@code <rule> <file::id::author> <reason>}; {@code #} starts a comment.
 * New changesets never go here: they are fixed or carry a {@code -- lint:allow}.
 */
public final class LintBaseline {

    public static final String RESOURCE = "liquibase/lint-baseline.txt";

    private final Map<String, String> reasons;

    private LintBaseline(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    public static LintBaseline empty() {
        return new LintBaseline(Map.of());
    }

    public static LintBaseline parse(String text) {
        Map<String, String> reasons = new HashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+", 3);
            if (parts.length < 3) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": expected '<rule> <changeset> <reason>'");
            }
            LintRule.byId(parts[0]);
            reasons.put(parts[0] + " " + parts[1], parts[2]);
        }
        return new LintBaseline(reasons);
    }

    /** The baseline's own file, from the class path (it ships in the WAR next to the changelogs). */
    public static LintBaseline load(ClassLoader loader) {
        try (var in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? empty() : parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every accepted pair as {@code <rule> <changeset>}. */
    public java.util.Set<String> entries() {
        return java.util.Set.copyOf(reasons.keySet());
    }

    Optional<String> reason(String rule, String changeset) {
        return Optional.ofNullable(reasons.get(rule + " " + changeset));
    }
}
