package id.narasiahli.schema.quality.control;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL statement as JSqlParser reads it, plus the PostgreSQL-only clauses JSqlParser 5.3 does not
 * accept ({@code CONCURRENTLY} before {@code IF [NOT] EXISTS}, {@code NOT VALID}, {@code SET DATA TYPE}).
 * Those are taken out as flags before parsing, outside string literals, so the rest of the statement (which
 * table, which operation, which column definition) still comes from the parser's tree, not from patterns.
 */
public final class PgStatement {

    private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\bCONCURRENTLY\\b");
    private static final Pattern NOT_VALID = Pattern.compile("(?i)\\bNOT\\s+VALID\\b");
    private static final Pattern SET_DATA_TYPE = Pattern.compile("(?i)\\bSET\\s+DATA\\s+TYPE\\b");

    private final String text;
    private final Statement tree;
    private final boolean concurrently;
    private final boolean notValid;

    private PgStatement(String text, Statement tree, boolean concurrently, boolean notValid) {
        this.text = text;
        this.tree = tree;
        this.concurrently = concurrently;
        this.notValid = notValid;
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
        Statement tree;
        try {
            tree = CCJSqlParserUtil.parse(parsable);
        } catch (JSQLParserException | RuntimeException e) {
            tree = null;
        }
        return new PgStatement(text, tree, concurrently, notValid);
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
