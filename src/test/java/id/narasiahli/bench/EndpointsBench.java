package id.narasiahli.bench;

import id.narasiahli.bench.bare.BareApplication;
import id.narasiahli.bench.bare.BarePage;
import id.narasiahli.bench.floor.FloorChange;
import id.narasiahli.bench.floor.FloorReadiness;
import id.narasiahli.bench.floor.FloorStartup;
import id.narasiahli.conversations.control.ConversationSummaries;
import id.narasiahli.conversations.control.MessageHistory;
import id.narasiahli.profiles.boundary.ProfileViews;
import id.narasiahli.testsupport.database.ApiDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: a measurement, run only by {@code mvn -B -Pbench verify -Dit.test=EndpointsBench}
 * (src/site/markdown/performance.md). In one run, on one machine, side by side:
 * <ol>
 *   <li>startup to ready of a bare Payara Micro (a tiny JAX-RS WAR built here) and of ours on an up-to-date schema;</li>
 *   <li>the bare JAX-RS floor: the tiny WAR's 50-record JSON page under wrk -t2 -c16;</li>
 *   <li>for each endpoint, the rate PostgreSQL serves for the endpoint's statements at the same concurrency
 *       (plain JDBC, 16 threads) and the endpoint's own rate and p50/p99 under wrk -t2 -c16;</li>
 * </ol>
 * and the ratios. Bounded: each wrk or SQL run lasts {@code bench.seconds} (default 10) after {@code bench.warmup}
 * (default 3). The fill size is {@code bench.messages} (default 1,000,000). It asserts only that answers are 200/201.
 */
class EndpointsBench {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 1_000_000);
    private static final int EXPERTS = Integer.getInteger("bench.experts", 1_000);
    /** Messages in each expert's conversation with Ani, the two of them taking turns; the last two are unread. */
    private static final int SPREAD_MESSAGES = 20;
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    /** The bare server has just booted: a longer warm-up than each endpoint's, whose server has served the suite's setup. */
    private static final int FLOOR_WARMUP = Integer.getInteger("bench.floorWarmup", 10);
    /** Boots of each server for the startup figures (alternating bare and ours): the median and the fastest are printed. */
    private static final int BOOTS = Integer.getInteger("bench.boots", 1);
    /** With -Dbench.startupOnly=true: only the startup figures. */
    private static final boolean STARTUP_ONLY = Boolean.getBoolean("bench.startupOnly");
    /** Our WAR (-Dbench.war= another build of it, to compare startups). */
    private static final Path OUR_WAR = Path.of(System.getProperty("bench.war", System.getProperty("narasi.it.war")));
    /** With -Dbench.against=<war> (below): that build also boots in turn with the bare server and ours in every startup round. */
    private static final Path BEFORE_WAR = System.getProperty("bench.against", "").isBlank() ? null
            : Path.of(System.getProperty("bench.against"));
    /** With -Dbench.only=history,me: only the endpoints whose names contain one of these. */
    private static final List<String> ONLY = System.getProperty("bench.only", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.only").split(","));
    /**
     * With -Dbench.against=<war>: a second server of that build on the same database, and each selected endpoint
     * measured on both in bench.rounds rounds (default 4), ours first in odd rounds and last in even ones, so that the
     * machine's changing load falls on both alike: an A/B pair in the same conditions, by server CPU per request. Both
     * servers first serve the endpoint for bench.abWarmup seconds (default 30): one freshly booted spent several times the
     * CPU per request of a warm one in its first rounds (the JIT compiler's work is the server's CPU too).
     */
    private static final String AGAINST = System.getProperty("bench.against", "");
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final int AB_WARMUP = Integer.getInteger("bench.abWarmup", 30);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("narasi.it.bootTimeoutSeconds", 300));
    /** With -Dbench.jfr=true, a JFR recording (profile settings) of our server during the endpoint runs: target/it/bench.jfr. */
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");
    /**
     * Unless -Dbench.stackFloor=false, a third WAR boots in every startup round: the bare one plus the least of our
     * stack (a CDI bean, a Health check, an EJB startup singleton reading one JPA entity), the containers' own cost.
     */
    private static final boolean STACK_FLOOR = Boolean.parseBoolean(System.getProperty("bench.stackFloor", "true"));
    /** With -Dbench.startupPhases=true, each boot is profiled (wall clock) and its main thread's time printed by phase. */
    private static final boolean PHASES = Boolean.getBoolean("bench.startupPhases");

    @Test
    void endpointsAgainstTheirFloors() throws Exception {
        Api api = SharedServer.api();

        // each round boots the bare server, the stack floor, (with -Dbench.against) the other build of ours, and ours
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new Contender("bare Payara Micro, tiny WAR", "bench-bare", bareWar()));
        if (STACK_FLOOR) {
            contenders.add(new Contender("stack floor: + CDI, Health, EJB, JPA", "bench-floor", stackFloorWar()));
        }
        if (BEFORE_WAR != null) {
            contenders.add(new Contender("against (" + BEFORE_WAR.getFileName() + ")", "bench-against", BEFORE_WAR));
        }
        Contender ours = new Contender("ours (" + OUR_WAR.getFileName() + ")", "bench-ours", OUR_WAR);
        contenders.add(ours);
        Contender bare = contenders.get(0);
        Wrk.Result floor = null;
        for (int boot = 0; boot < BOOTS; boot++) {
            // each round starts with the next contender, so that none always boots right after the same other one
            List<Contender> order = new ArrayList<>(contenders);
            Collections.rotate(order, -boot);
            for (Contender contender : order) {
                // -Dbench.startupJfr=true: a JFR recording of our server's boot (profile settings), target/it/bench-startup.jfr
                Map<String, String> env = PHASES ? StartupPhases.agent(contender.profile())
                        : contender == ours && Boolean.getBoolean("bench.startupJfr") ? Map.of("JAVA_TOOL_OPTIONS",
                        "-XX:StartFlightRecording=settings=profile,filename=" + PayaraMicroProcess.workDir()
                                .resolve("bench-startup.jfr").toAbsolutePath()) : Map.of();
                try (PayaraMicroProcess server = PayaraMicroProcess.launch(contender.name(), SharedServer.DATABASE, env, contender.war())) {
                    contender.starts().add(server.awaitOk("/health/ready", READY_TIMEOUT));
                    // a profiled server is no floor: with -Dbench.startupPhases the floor gets a boot of its own below
                    if (contender == bare && floor == null && !STARTUP_ONLY && !PHASES) {
                        floor = floor(server);
                    }
                }
                if (PHASES) {
                    StartupPhases.of(contender.profile()).forEach((phase, s) -> contender.phases().merge(phase, s / BOOTS, Double::sum));
                }
            }
        }
        if (floor == null && !STARTUP_ONLY) {
            try (PayaraMicroProcess server = PayaraMicroProcess.launch(bare.name(), SharedServer.DATABASE, Map.of(), bare.war())) {
                server.awaitOk("/health/ready", READY_TIMEOUT);
                floor = floor(server);
            }
        }
        if (!STARTUP_ONLY) {
            report(api, floor);
        }
        System.out.printf("%nStartup to /health/ready 200 (launch of the JVM to ready; ours on an up-to-date schema), %d boots each,"
                + " in turn, each round starting with the next; load average %s:%n", BOOTS, Wrk.loadAverage());
        for (Contender contender : contenders) {
            System.out.printf("  %-46s median %6.1f s   fastest %6.1f s%s   each: %s%n", contender.label(), median(contender.starts()),
                    fastest(contender.starts()), contender == bare ? "" : String.format("   (+%.1f s, +%.1f s)",
                            median(contender.starts()) - median(bare.starts()), fastest(contender.starts()) - fastest(bare.starts())),
                    seconds(contender.starts()));
        }
        if (PHASES) {
            System.out.printf("%nWhere the main thread's time goes (wall clock, mean of %d boots, async-profiler every %d ms), seconds:%n  %-52s",
                    BOOTS, StartupPhases.INTERVAL_MS, "phase");
            contenders.forEach(contender -> System.out.printf(" %8s", contender.name().substring("bench-".length())));
            System.out.printf(" %9s%n", "ours-bare");
            for (String phase : ours.phases().keySet()) {
                System.out.printf("  %-52s", phase);
                contenders.forEach(contender -> System.out.printf(" %8.2f", contender.phases().get(phase)));
                System.out.printf(" %+9.2f%n", ours.phases().get(phase) - bare.phases().get(phase));
            }
            System.out.printf("  %-52s", "main thread, launch to ready");
            contenders.forEach(contender -> System.out.printf(" %8.2f", contender.mainThreadSeconds()));
            System.out.printf(" %+9.2f%n%n", ours.mainThreadSeconds() - bare.mainThreadSeconds());
        }
    }

    /** A WAR whose boots are timed (and with -Dbench.startupPhases profiled), in turn with the others. */
    private record Contender(String label, String name, Path war, List<Duration> starts, Map<String, Double> phases) {

        Contender(String label, String name, Path war) {
            this(label, name, war, new ArrayList<>(), new LinkedHashMap<>());
        }

        Path profile() {
            return PayaraMicroProcess.workDir().resolve(name + "-wall.collapsed");
        }

        double mainThreadSeconds() {
            return phases.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** The bare WAR's page under wrk on a bare server that has just become ready. */
    private static Wrk.Result floor(PayaraMicroProcess server) {
        return Wrk.run(server.baseUri() + "bare/page", null, null, FLOOR_WARMUP, SECONDS, server.pid(),
                CpuTime.postmasterOf(ApiDatabase.dataSource()));
    }

    private static double median(List<Duration> durations) {
        List<Long> sorted = durations.stream().map(Duration::toMillis).sorted().toList();
        int n = sorted.size();
        return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 1e3;
    }

    private static List<String> seconds(List<Duration> durations) {
        return durations.stream().map(d -> String.format("%.1f s", d.toMillis() / 1e3)).toList();
    }

    private static double fastest(List<Duration> durations) {
        return durations.stream().mapToLong(Duration::toMillis).min().orElseThrow() / 1e3;
    }

    private static void report(Api api, Wrk.Result floor) {
        Api.User ani = api.newUser("Ani Bench");
        Api.User budi = api.newUser("Budi Bench");
        int history = open(ani, budi);
        int sendTo = open(ani, api.newUser("Citra Bench"));
        long fill = System.nanoTime();
        Fill.conversation(history, ani.id(), budi.id(), MESSAGES);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ApiDatabase.execute("INSERT INTO users (fullname, email, password_hash, last_job_title, degree) SELECT 'Bench Ahli ' || g,"
                + " 'bench-' || ? || '-' || g || '@example.com', 'not-a-hash', 'Peneliti ' || g, 'S3'"
                + " FROM generate_series(1, ?) g", tag, EXPERTS);
        ApiDatabase.execute("INSERT INTO conversations (participant1_id, participant2_id, last_message_at) SELECT ?, u.id,"
                + " TIMESTAMP '2025-12-01 00:00:00' FROM users u WHERE u.email LIKE 'bench-' || ? || '-%'", ani.id(), tag);
        // A few messages in each of those conversations (the last at its last_message_at), the last two unread: without
        // them one conversation holds all messages, PostgreSQL's statistics see two distinct conversation ids, and the
        // planner counts each listed conversation's unread messages through the whole-table is_read index (every unread
        // message in the database, once per listed conversation), a plan no real spread of messages leads it to.
        ApiDatabase.execute("INSERT INTO chat_messages (conversation_id, sender_id, message_text, message_type, is_read, created_at)"
                + " SELECT c.id, CASE WHEN g % 2 = 0 THEN c.participant1_id ELSE c.participant2_id END, 'Pesan ' || g, 'text',"
                + " g < " + (SPREAD_MESSAGES - 2) + ", TIMESTAMP '2025-12-01 00:00:00' - (" + (SPREAD_MESSAGES - 1) + " - g) * INTERVAL '1 minute'"
                + " FROM conversations c CROSS JOIN generate_series(0, " + (SPREAD_MESSAGES - 1) + ") g"
                + " WHERE c.participant1_id = ? AND c.participant2_id IN (SELECT id FROM users WHERE email LIKE 'bench-' || ? || '-%')",
                ani.id(), tag);
        ApiDatabase.execute("ANALYZE");
        System.out.printf("%nFilled: conversation %d with %,d messages; %,d experts, each in a conversation with Ani (%d messages"
                        + " each); %.1f s%n", history, MESSAGES, EXPERTS, SPREAD_MESSAGES, (System.nanoTime() - fill) / 1e9);

        String page = "/api/conversations/" + history + "/messages?limit=50";
        assertEquals(50, ani.api().get(page).json().getJsonArray("items").size());
        assertEquals(201, ani.api().post("/api/conversations/" + sendTo + "/messages",
                Json.createObjectBuilder().add("text", "halo").build()).status());

        List<Endpoint> endpoints = List.of(
                new Endpoint("history page (50 of " + String.format("%,d", MESSAGES) + ")", page, null, List.of(
                        new SqlLoop.Statement(MessageHistory.newestPageSql(), 51, history, ani.id(), ani.id()))),
                new Endpoint("GET /api/me", "/api/me", null, List.of(
                        new SqlLoop.Statement(ProfileViews.sql(), ani.id()))),
                new Endpoint("expert search (q=ahli, " + EXPERTS + " hits)", "/api/experts?q=ahli&limit=20", null, List.of(
                        new SqlLoop.Statement("SELECT count(*) FROM users WHERE role = 'USER'"
                                + " AND to_tsvector('simple', fullname) @@ to_tsquery('simple', ?)", "ahli:*"),
                        new SqlLoop.Statement("SELECT id, fullname, degree, last_job_title, last_education FROM users"
                                + " WHERE role = 'USER' AND to_tsvector('simple', fullname) @@ to_tsquery('simple', ?)"
                                + " ORDER BY fullname, id LIMIT ? OFFSET ?", "ahli:*", 20, 0))),
                new Endpoint("send a text message", "/api/conversations/" + sendTo + "/messages",
                        Wrk.postScript("{\"text\":\"Pesan dari wrk\"}"), List.of(
                        new SqlLoop.Statement("SELECT * FROM conversations WHERE id = ?", sendTo),
                        new SqlLoop.Statement("UPDATE conversations SET last_message_at = GREATEST(COALESCE(last_message_at,"
                                + " now()), now()), updated_at = now() WHERE id = ?", sendTo),
                        new SqlLoop.Statement("INSERT INTO chat_messages (conversation_id, sender_id, message_text, message_type,"
                                + " is_read, created_at) VALUES (?, ?, 'Pesan dari JDBC', 'text', false, now()) RETURNING id",
                                sendTo, ani.id()))),
                new Endpoint("conversation list (" + (EXPERTS + 2) + " conversations)", "/api/conversations", null, List.of(
                        new SqlLoop.Statement("SELECT count(*) FROM conversations WHERE participant1_id = ? OR participant2_id = ?",
                                ani.id(), ani.id()),
                        numbered(ConversationSummaries.pageSql(), ani.id(), 20, 0))));

        System.out.printf("%nwrk -t%d -c%d, %d s per run after %d s of warm-up; SQL: plain JDBC, %d threads, prepared;"
                + " load average %s%n", Wrk.THREADS, Wrk.CONNECTIONS, SECONDS, WARMUP, Wrk.CONNECTIONS, Wrk.loadAverage());
        System.out.println(floor.line("bare JAX-RS 50-record page (no db, no auth)"));
        List<String> ratios = new ArrayList<>();
        if (JFR) {
            jcmd("JFR.start", "name=bench", "settings=profile");
        }
        for (Endpoint endpoint : endpoints) {
            if (!ONLY.isEmpty() && ONLY.stream().noneMatch(endpoint.name()::contains)) {
                continue;
            }
            double sql = SqlLoop.requestsPerSecond(ApiDatabase.dataSource(), WARMUP, SECONDS, endpoint.statements());
            Wrk.Result result = Wrk.run(api.base().resolve(endpoint.path()).toString(), ani.accessToken(), endpoint.script(),
                    WARMUP, SECONDS, SharedServer.get().pid(), CpuTime.postmasterOf(ApiDatabase.dataSource()));
            System.out.println(result.line(endpoint.name()));
            System.out.printf("  %-46s %9.0f req/s   (%d statements, JDBC)%n", "  its SQL alone", sql, endpoint.statements().size());
            ratios.add(String.format("  %-46s %6.3f x bare   %6.3f x its SQL   p99/p50 %5.1f   CPU/request: bare / ours %6.3f",
                    endpoint.name(), result.requestsPerSecond() / floor.requestsPerSecond(), result.requestsPerSecond() / sql,
                    result.p99Millis() / result.p50Millis(), floor.cpuMicros() / result.cpuMicros()));
        }
        if (JFR) {
            jcmd("JFR.stop", "name=bench", "filename=" + PayaraMicroProcess.workDir().resolve("bench.jfr").toAbsolutePath());
        }
        System.out.println("\nRatios (higher is better; p99/p50 lower is better). CPU/request: the bare server's CPU time per"
                + " request over ours plus PostgreSQL's, which a loaded machine moves far less than it moves throughput:");
        ratios.forEach(System.out::println);
        if (!AGAINST.isBlank()) {
            compare(api, ani, endpoints);
        }
    }

    private static void compare(Api api, Api.User caller, List<Endpoint> endpoints) {
        try (PayaraMicroProcess other = PayaraMicroProcess.launch("bench-against", SharedServer.DATABASE, Map.of(), Path.of(AGAINST))) {
            other.awaitOk("/health/ready", READY_TIMEOUT);
            System.out.printf("%nA/B, server CPU per request (us), ours = %s, against = %s, %d rounds of %d s, alternating:%n",
                    OUR_WAR.getFileName(), AGAINST, ROUNDS, SECONDS);
            for (Endpoint endpoint : endpoints) {
                if (!ONLY.isEmpty() && ONLY.stream().noneMatch(endpoint.name()::contains)) {
                    continue;
                }
                // a token of its own per endpoint: the whole comparison outlasts an access token's 15 minutes
                String token = api.login(caller.id(), caller.email(), caller.password(), caller.fullName()).accessToken();
                for (URI base : List.of(api.base(), other.baseUri())) {
                    Wrk.run(base.resolve(endpoint.path()).toString(), token, endpoint.script(), 0, AB_WARMUP,
                            SharedServer.get().pid(), CpuTime.postmasterOf(ApiDatabase.dataSource()));
                }
                List<Double> ours = new ArrayList<>();
                List<Double> theirs = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (boolean oursNow : round % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                        URI base = oursNow ? api.base() : other.baseUri();
                        Wrk.Result r = Wrk.run(base.resolve(endpoint.path()).toString(), token,
                                endpoint.script(), WARMUP, SECONDS, oursNow ? SharedServer.get().pid() : other.pid(),
                                CpuTime.postmasterOf(ApiDatabase.dataSource()));
                        assertEquals(0, r.non2xx(), endpoint.name() + " on " + (oursNow ? "ours" : AGAINST));
                        (oursNow ? ours : theirs).add(r.serverCpuMicros());
                    }
                }
                double a = middle(ours);
                double b = middle(theirs);
                System.out.printf("  %-46s ours %s median %6.0f   against %s median %6.0f   ours / against %5.3f   load %s%n",
                        endpoint.name(), micros(ours), a, micros(theirs), b, a / b, Wrk.loadAverage());
            }
        }
    }

    private static double middle(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Long> micros(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private record Endpoint(String name, String path, Path script, List<SqlLoop.Statement> statements) {
    }

    private static int open(Api.User from, Api.User to) {
        return from.api().post("/api/conversations", Json.createObjectBuilder().add("participantId", to.id()).build())
                .json().getInt("id");
    }

    /**
     * A query with JPA's numbered parameters ({@code ?1} for {@code values[0]} ...) exactly as the application runs it, as a
     * plain JDBC statement: each occurrence becomes a {@code ?} bound to its value, in the order they occur.
     */
    private static SqlLoop.Statement numbered(String sql, Object... values) {
        Matcher parameter = Pattern.compile("\\?(\\d)").matcher(sql);
        List<Object> arguments = new ArrayList<>();
        while (parameter.find()) {
            arguments.add(values[Integer.parseInt(parameter.group(1)) - 1]);
        }
        return new SqlLoop.Statement(parameter.replaceAll("?"), arguments.toArray());
    }

    private static void jcmd(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(SharedServer.get().pid())));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            System.out.print(new String(process.getInputStream().readAllBytes()));
            process.waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stack floor's WAR: the bare WAR's classes and bench.floor's three, with a persistence unit on jdbc/narasi. */
    private static Path stackFloorWar() throws IOException {
        Path war = PayaraMicroProcess.workDir().resolve("bench-floor.war");
        Files.deleteIfExists(war);
        String persistence = """
                <?xml version="1.0" encoding="UTF-8"?>
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                    <persistence-unit name="floor" transaction-type="JTA">
                        <jta-data-source>jdbc/narasi</jta-data-source>
                        <class>id.narasiahli.bench.floor.FloorChange</class>
                        <exclude-unlisted-classes>true</exclude-unlisted-classes>
                        <shared-cache-mode>NONE</shared-cache-mode>
                        <properties>
                            <property name="jakarta.persistence.schema-generation.database.action" value="none"/>
                            <property name="eclipselink.target-database" value="PostgreSQL"/>
                        </properties>
                    </persistence-unit>
                </persistence>
                """;
        bareClasses("bench-floor.war")
                .addClasses(FloorChange.class, FloorStartup.class, FloorReadiness.class)
                .addAsResource(new StringAsset(persistence), "META-INF/persistence.xml")
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    /** The floor's WAR: two classes, no descriptor, no library. */
    private static Path bareWar() throws IOException {
        Path war = PayaraMicroProcess.workDir().resolve("bench-bare.war");
        Files.deleteIfExists(war);
        bareClasses("bench-bare.war").as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    /** A WAR holding the bare JAX-RS application's classes. */
    private static WebArchive bareClasses(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClasses(BareApplication.class, BarePage.class, BarePage.Item.class, BarePage.Page.class);
    }
}
