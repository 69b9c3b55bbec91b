package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.LiquibaseSession;
import liquibase.ChecksumVersion;
import liquibase.ContextExpression;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.precondition.Precondition;
import liquibase.precondition.PreconditionLogic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the {@link ChangelogManifest} of a class-path changelog: run by the build (exec-maven-plugin, phase
 * process-classes) on the classes and changelogs it is about to package, with Liquibase parsing them exactly as
 * the server does. Arguments: the output file and the changelog's class-path name.
 */
public final class ChangelogManifestWriter {

    private ChangelogManifestWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ChangelogManifestWriter <output file> <changelog on the class path>");
        }
        Path output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, manifest(args[1]), StandardCharsets.UTF_8);
    }

    /** The manifest's text for {@code changelogFile}, as Liquibase parses it from this code's class path. */
    public static String manifest(String changelogFile) {
        return LiquibaseSession.withClasspathChangelog(changelogFile, changelog -> text(changelogFile, changelog));
    }

    private static String text(String changelogFile, DatabaseChangeLog changelog) {
        ClassLoader loader = ChangelogManifestWriter.class.getClassLoader();
        StringBuilder out = new StringBuilder("# What Liquibase parsed from the changelog at build time (ChangelogManifestWriter);"
                + " read at startup by ChangelogManifest. Generated: do not edit.\n");
        out.append(ChangelogManifest.CHANGELOG).append('\t').append(changelogFile).append('\n');
        Set<String> files = new LinkedHashSet<>();
        files.add(changelogFile);
        List<String> unusable = new ArrayList<>();
        if (hasPreconditions(changelog.getPreconditions())) {
            unusable.add(changelogFile + " has changelog preconditions");
        }
        StringBuilder changesets = new StringBuilder();
        for (ChangeSet changeSet : changelog.getChangeSets()) {
            String name = changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
            files.add(changeSet.getFilePath());
            if (!changeSet.getFilePath().equals(changeSet.getStoredFilePath())) {
                unusable.add(name + " is recorded under the logical file path " + changeSet.getStoredFilePath());
            }
            if (changeSet.isAlwaysRun() || changeSet.isIgnore() || changeSet.isInheritableIgnore()
                    || changeSet.getDbmsSet() != null && !changeSet.getDbmsSet().isEmpty() && !changeSet.getDbmsSet().equals(Set.of("all"))
                    || hasPreconditions(changeSet.getPreconditions())) {
                unusable.add(name + " uses runAlways, ignore, dbms or preconditions");
            }
            changesets.append(ChangelogManifest.CHANGESET)
                    .append('\t').append(changeSet.getFilePath())
                    .append('\t').append(changeSet.getId())
                    .append('\t').append(changeSet.getAuthor())
                    .append('\t').append(changeSet.generateCheckSum(ChecksumVersion.latest()))
                    .append('\t').append(expression(changeSet.getContextFilter()));
            for (ContextExpression inherited : changeSet.getInheritableContextFilter()) {
                changesets.append('\t').append(expression(inherited));
            }
            changesets.append('\n');
        }
        for (String file : files) {
            byte[] bytes = read(loader, file);
            if (new String(bytes, StandardCharsets.UTF_8).contains("${")) {
                unusable.add(file + " uses changelog parameters");
            }
            out.append(ChangelogManifest.FILE).append('\t').append(file).append('\t').append(ChangelogManifest.sha256(bytes)).append('\n');
        }
        if (!unusable.isEmpty()) {
            out.append(ChangelogManifest.UNUSABLE).append('\t').append(String.join("; ", unusable)).append('\n');
        }
        return out.append(changesets).toString();
    }

    private static String expression(ContextExpression expression) {
        String text = expression == null || expression.isEmpty() ? "" : expression.toString();
        if (text.contains("\t") || text.contains("\n")) {
            throw new IllegalArgumentException("A context expression with a tab or a line break: " + text);
        }
        return text;
    }

    /** Whether any precondition is there: each included file adds a container of its own, empty when it has none. */
    private static boolean hasPreconditions(PreconditionLogic preconditions) {
        if (preconditions == null) {
            return false;
        }
        for (Precondition nested : preconditions.getNestedPreconditions()) {
            if (!(nested instanceof PreconditionLogic logic) || hasPreconditions(logic)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(ClassLoader loader, String file) {
        try (InputStream in = loader.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
