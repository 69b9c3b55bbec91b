package id.narasiahli.schema.liquibase;

import liquibase.exception.ValidationFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase's verdict on the changelog against databasechangelog: applied changesets whose text changed
 * (each with the checksum recorded and the one the changelog has now) and every other problem it names
 * (duplicate ids, failed preconditions, invalid changes), one line each.
 */
public record Validation(List<ChecksumMismatch> checksumMismatches, List<String> errors) {

    public static final Validation PASSED = new Validation(List.of(), List.of());

    /** Liquibase's wording: "{file::id::author} was: {stored} but is now: {current}". */
    private static final Pattern MISMATCH = Pattern.compile("(.+) was: (\\S+) but is now: (\\S+)");

    public record ChecksumMismatch(String changeset, String recordedChecksum, String changelogChecksum) {

        @Override
        public String toString() {
            return "checksum mismatch: " + changeset + " was: " + recordedChecksum + " but is now: " + changelogChecksum;
        }
    }

    static Validation of(ValidationFailedException e) {
        List<ChecksumMismatch> mismatches = new ArrayList<>();
        List<String> listed = e.getInvalidMD5Sums();
        for (String line : listed) {
            Matcher m = MISMATCH.matcher(line.strip());
            mismatches.add(m.matches() ? new ChecksumMismatch(m.group(1), m.group(2), m.group(3))
                    : new ChecksumMismatch(line.strip(), null, null));
        }
        List<String> errors = new ArrayList<>();
        boolean underChecksumHeading = false;
        for (String raw : e.getMessage().lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("Validation Failed")) {
                continue;
            }
            boolean heading = !raw.startsWith("          ");
            if (heading) {
                underChecksumHeading = line.contains("check sum") || line.contains("checksum");
                if (underChecksumHeading) {
                    continue;
                }
            } else if (underChecksumHeading || listed.stream().anyMatch(l -> l.strip().equals(line))) {
                continue;
            }
            errors.add(line);
        }
        if (mismatches.isEmpty() && errors.isEmpty()) {
            errors.add(ErrorMessages.oneLine(e));
        }
        return new Validation(List.copyOf(mismatches), List.copyOf(errors));
    }

    public boolean valid() {
        return checksumMismatches.isEmpty() && errors.isEmpty();
    }

    /** Every problem as one line, for error details and the log. */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        checksumMismatches.forEach(m -> all.add(m.toString()));
        all.addAll(errors);
        return all;
    }
}
