package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.ChangesetRef;
import liquibase.ContextExpression;
import liquibase.Contexts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Liquibase made of the changelog when the build parsed it ({@link ChangelogManifestWriter}): every changeset's
 * file, id, author, checksum and contexts, and a SHA-256 of every file it came from. At startup it answers "is the
 * database at the changelog's head?" with one read of databasechangelog and without starting Liquibase (whose
 * first use in a JVM costs most of a second: its registries, the XML parser, the changelog parse).
 *
 * <p>It only ever answers yes when Liquibase would: the files must be byte for byte the ones the build parsed, the
 * changelog the one it parsed, and every changeset the contexts select recorded under the same file, id and author
 * with the very checksum Liquibase computed. A changelog using anything whose outcome depends on the database or
 * the run (preconditions, runAlways, ignore, dbms, parameters) makes the writer mark the manifest unusable. Any
 * other answer, or any doubt (no manifest, no tracking table, a checksum recorded in an older format), sends the
 * caller to Liquibase's own check, which also names what differs.
 */
public final class ChangelogManifest {

    /** Where the build writes the manifest, on the class path. */
    public static final String RESOURCE = "META-INF/narasi/changelog-manifest.tsv";

    static final String CHANGELOG = "changelog";
    static final String FILE = "file";
    static final String CHANGESET = "changeset";
    static final String UNUSABLE = "unusable";

    /** One changeset as Liquibase parsed it: its context expression and those inherited from includes. */
    public record Entry(ChangesetRef ref, String checksum, String contexts, List<String> inheritedContexts) {

        boolean selectedBy(Contexts runtime) {
            if (contexts.isEmpty() && inheritedContexts.isEmpty()) {
                return true;
            }
            // Liquibase's ContextChangeSetFilter: the changeset's own expression and every inherited one must match
            return new ContextExpression(contexts).matches(runtime)
                    && ContextExpression.matchesAll(inheritedContexts.stream().map(ContextExpression::new).toList(), runtime);
        }
    }

    private final String changelog;
    private final Map<String, String> fileHashes;
    private final List<Entry> entries;
    private final String unusable;

    ChangelogManifest(String changelog, Map<String, String> fileHashes, List<Entry> entries, String unusable) {
        this.changelog = changelog;
        this.fileHashes = Map.copyOf(fileHashes);
        this.entries = List.copyOf(entries);
        this.unusable = unusable;
    }

    /** The manifest the build put on {@code loader}'s class path, if any. */
    public static Optional<ChangelogManifest> load(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    static ChangelogManifest parse(String text) {
        String changelog = null;
        String unusable = null;
        Map<String, String> hashes = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case CHANGELOG -> changelog = field(f, 1, line);
                case FILE -> hashes.put(field(f, 1, line), field(f, 2, line));
                case UNUSABLE -> unusable = field(f, 1, line);
                case CHANGESET -> entries.add(new Entry(new ChangesetRef(field(f, 1, line), field(f, 2, line), field(f, 3, line)),
                        field(f, 4, line), field(f, 5, line), List.of(f).subList(Math.min(6, f.length), f.length)));
                default -> throw new IllegalArgumentException("Unknown line in " + RESOURCE + ": " + line);
            }
        }
        if (changelog == null) {
            throw new IllegalArgumentException(RESOURCE + " names no changelog");
        }
        return new ChangelogManifest(changelog, hashes, entries, unusable);
    }

    private static String field(String[] fields, int index, String line) {
        if (fields.length <= index) {
            throw new IllegalArgumentException("Line of " + RESOURCE + " with too few fields: " + line);
        }
        return fields[index];
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Why this manifest cannot stand for {@code changelogFile} as {@code loader} holds it now (another changelog, a
     * file changed or missing since the build, a construct only Liquibase can judge), or empty when it can.
     */
    public Optional<String> unusableFor(String changelogFile, ClassLoader loader) throws IOException {
        if (unusable != null) {
            return Optional.of(unusable);
        }
        if (!changelog.equals(changelogFile)) {
            return Optional.of("built for " + changelog + ", not " + changelogFile);
        }
        for (Map.Entry<String, String> file : fileHashes.entrySet()) {
            try (InputStream in = loader.getResourceAsStream(file.getKey())) {
                if (in == null) {
                    return Optional.of(file.getKey() + " is missing");
                }
                if (!sha256(in.readAllBytes()).equals(file.getValue())) {
                    return Optional.of(file.getKey() + " changed since the build");
                }
            }
        }
        return Optional.empty();
    }

    /** The changesets {@code contexts} select, in changelog order (Liquibase's context filter). */
    public List<Entry> selected(String contexts) {
        Contexts runtime = new Contexts(contexts);
        return entries.stream().filter(e -> e.selectedBy(runtime)).toList();
    }

    /**
     * The selected changesets when every one is recorded in databasechangelog with the checksum of the manifest;
     * empty when one is missing, recorded under another checksum (Liquibase then says which and why) or the table
     * does not exist yet. Reads only.
     */
    public Optional<List<ChangesetRef>> atHead(Connection connection, String contexts) {
        Map<ChangesetRef, String> recorded = new HashMap<>();
        try {
            // asked first, so that a first start on an empty database leaves no error in PostgreSQL's log
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass('databasechangelog') IS NOT NULL");
                 ResultSet row = exists.executeQuery()) {
                if (!row.next() || !row.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT filename, id, author, md5sum FROM databasechangelog");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    recorded.put(new ChangesetRef(rows.getString(1), rows.getString(2), rows.getString(3)), rows.getString(4));
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        List<Entry> selected = selected(contexts);
        for (Entry entry : selected) {
            if (!entry.checksum().equals(recorded.get(entry.ref()))) {
                return Optional.empty();
            }
        }
        return Optional.of(selected.stream().map(Entry::ref).toList());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
