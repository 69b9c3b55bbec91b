package id.narasiahli.schema.quality.control;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL statement as JSqlParser reads it, plus the PostgreSQL-only clauses JSqlParser 5.3 does not
 * accept ({@code CONCURRENTLY} before {@code IF [NOT] EXISTS}, {@code NOT VALID}, {@code SET DATA TYPE},
 * {@code UNIQUE/PRIMARY KEY USING INDEX}).
 * Those are taken out as flags before parsing, outside string literals, so the rest of the statement (which
 * table, which operation, which column definition) still comes from the parser's tree, not from patterns.
 */
public final class PgStatement {

    private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\bCONCURRENTLY\\b");
    private static final Pattern NOT_VALID = Pattern.compile("(?i)\\bNOT\\s+VALID\\b");
    private static final Pattern SET_DATA_TYPE = Pattern.compile("(?i)\\bSET\\s+DATA\\s+TYPE\\b");
    private static final Pattern USING_INDEX = Pattern.compile("(?i)\\b(UNIQUE|PRIMARY\\s+KEY)\\s+USING\\s+INDEX\\s+(\"[^\"]+\"|\\w+)");
    /** PostgreSQL utility commands JSqlParser 5.3 cannot read; the lint needs only their head and target. */
    private static final Pattern UTILITY = Pattern.compile(
            "(?is)^(REINDEX|VACUUM|CLUSTER|LOCK|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER)\\b(.*)");

    private final String text;
    private final Statement tree;
    private final boolean concurrently;
    private final boolean notValid;
    private final boolean usingIndex;

    private PgStatement(String text, Statement tree, boolean concurrently, boolean notValid, boolean usingIndex) {
        this.text = text;
        this.tree = tree;
        this.concurrently = concurrently;
        this.notValid = notValid;
        this.usingIndex = usingIndex;
    }

    public static PgStatement parse(String sql) {
        String text = withoutLineComments(sql).strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        String code = maskLiterals(text);
        boolean concurrently = CONCURRENTLY.matcher(code).find();
        boolean notValid = NOT_VALID.matcher(code).find();
        String parsable = remove(text, code, CONCURRENTLY, " ");
        parsable = remove(parsable, maskLiterals(parsable), NOT_VALID, " ");
        parsable = remove(parsable, maskLiterals(parsable), SET_DATA_TYPE, " TYPE ");
        // the index becomes the constraint: read as a one-column constraint so the rest still parses
        Matcher usingIndex = USING_INDEX.matcher(parsable);
        boolean prebuilt = usingIndex.find();
        parsable = usingIndex.replaceAll("$1 ($2)");
        Statement tree;
        try {
            tree = UTILITY.matcher(code).find() ? null : CCJSqlParserUtil.parse(parsable);
        } catch (JSQLParserException | RuntimeException e) {
            tree = null;
        }
        return new PgStatement(text, tree, concurrently, notValid, prebuilt);
    }

    /**
     * A utility command the parser cannot read: its head in upper case with single spaces ({@code REINDEX},
     * {@code VACUUM}, {@code CLUSTER}, {@code LOCK}, {@code CREATE TRIGGER}, ...), empty for anything else.
     */
    public Optional<String> utility() {
        Matcher m = UTILITY.matcher(maskLiterals(text));
        return m.find() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ")) : Optional.empty();
    }

    /** The words after the utility command's head, literals masked, in upper case. */
    public String utilityArguments() {
        Matcher m = UTILITY.matcher(maskLiterals(text));
        return m.find() ? m.group(2).toUpperCase(java.util.Locale.ROOT) : "";
    }

    /** {@code ADD CONSTRAINT ... UNIQUE/PRIMARY KEY USING INDEX}: the constraint adopts an index built before. */
    public boolean usingIndex() {
        return usingIndex;
    }

    public String text() {
        return text;
    }

    /** The parse tree, empty when the parser could not read the statement. */
    public Optional<Statement> tree() {
        return Optional.ofNullable(tree);
    }

    public boolean concurrently() {
        return concurrently;
    }

    public boolean notValid() {
        return notValid;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    private static String withoutLineComments(String sql) {
        StringBuilder kept = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** The same text with every character inside '…' replaced, so clause matching never looks into data. */
    private static String maskLiterals(String sql) {
        StringBuilder masked = new StringBuilder(sql.length());
        boolean inLiteral = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                inLiteral = !inLiteral;
                masked.append(c);
            } else {
                masked.append(inLiteral ? '_' : c);
            }
        }
        return masked.toString();
    }

    private static String remove(String text, String masked, Pattern clause, String replacement) {
        Matcher m = clause.matcher(masked);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(replacement);
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }
}
