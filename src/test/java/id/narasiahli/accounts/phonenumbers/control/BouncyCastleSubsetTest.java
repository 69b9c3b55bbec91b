package id.narasiahli.accounts.phonenumbers.control;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAR carries only the Bouncy Castle packages that {@link PhoneNumberCipher} reaches (pom.xml, execution
 * bouncycastle-subset, unpacked to target/bouncycastle-subset). jdeps, with the subset and not the whole jar on its
 * class path, lists every class the cipher reaches through Bouncy Castle; each must be in the subset, or the
 * server would fail with NoClassDefFoundError on the first phone number.
 */
class BouncyCastleSubsetTest {

    private static final Path SUBSET = Path.of("target/bouncycastle-subset");
    private static final Path CIPHER = Path.of("target/classes/id/narasiahli/accounts/phonenumbers/control/PhoneNumberCipher.class");
    /** "   org.a.B   -> org.c.D   location" (location: a directory, a module, or "not found"). */
    private static final Pattern EDGE = Pattern.compile("^\\s+(?:\\d+/)?(\\S+)\\s+->\\s+(\\S+)\\s+(.+?)\\s*$");

    @Test
    void everyBouncyCastleClassTheCipherReachesIsInTheSubset() {
        assertTrue(Files.isDirectory(SUBSET), SUBSET + " is missing: run mvn generate-resources (the bouncycastle-subset execution)");
        Map<String, Set<String>> edges = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String line : jdeps("-filter:none", "-verbose:class", "--multi-release", "17",
                "--class-path", SUBSET.toString(), SUBSET.toString(), CIPHER.toString()).split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.matches() && edge.group(2).startsWith("org.bouncycastle.")) {
                edges.computeIfAbsent(edge.group(1), k -> new HashSet<>()).add(edge.group(2));
                if (edge.group(3).equals("not found")) {
                    missing.add(edge.group(2));
                }
            }
        }
        String cipher = PhoneNumberCipher.class.getName();
        assertTrue(edges.containsKey(cipher), "jdeps found no Bouncy Castle class in " + CIPHER);

        Set<String> reached = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(edges.get(cipher));
        while (!next.isEmpty()) {
            String type = next.pop();
            if (reached.add(type)) {
                next.addAll(edges.getOrDefault(type, Set.of()));
            }
        }
        reached.retainAll(missing);
        assertEquals(Set.of(), reached, "Bouncy Castle classes the cipher reaches but the WAR would not carry: add their"
                + " packages to bouncycastle.subset in pom.xml");
    }

    private static String jdeps(String... arguments) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), arguments);
        assertEquals(0, exit, "jdeps failed: " + err);
        return out.toString();
    }
}
