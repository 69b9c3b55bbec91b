package id.narasiahli.bench;

import id.narasiahli.testsupport.http.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A steady load of HTTP requests: {@code clients} threads, each sending one request every {@code interval} (or at
 * once when it has fallen behind, never in a burst to catch up), until closed. Every request is kept with the phase
 * it started in, its kind, its latency and whether it succeeded (2xx; an exception or a timeout is a failure), so
 * the figures of a phase are those of the requests that started while it ran. Bounded: a bench closes it.
 */
final class Load implements AutoCloseable {

    /** One request of a kind, made by {@code call}. */
    record Request(String kind, Supplier<Api.Response> call) {
    }

    /** What a source of requests gives the {@code n}th request. */
    interface Requests {
        Request next(long n);
    }

    /** {@code failure} says why a request failed (status and body, or the exception), null when it did not. */
    private record Sample(String phase, String kind, double millis, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** The figures of one phase. */
    record Figures(int requests, int failed, double p50, double p99, double max, Map<String, Double> p99ByKind,
                   Map<String, Long> failedByKind, List<String> someFailures) {

        String line(String phase) {
            return line(phase, "");
        }

        /** The figures on one line, {@code extra} after them, the first failures (if any) on the next. */
        String line(String phase, String extra) {
            StringBuilder kinds = new StringBuilder();
            p99ByKind.forEach((kind, p99) -> kinds.append(String.format("  %s %.1f", kind, p99)));
            return String.format("  %-22s %7d requests  %5d failed   p50 %7.2f ms   p99 %8.2f ms   max %8.1f ms   p99 by kind:%s%s%s",
                    phase, requests, failed, p50, p99, max, kinds, extra, someFailures.isEmpty() ? "" : "\n      failed by kind " + failedByKind + "; e.g.: " + someFailures);
        }
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile String phase = "warm-up";
    private volatile boolean stopped;

    private Load(int clients, Duration interval, Requests requests) {
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> client(interval, requests), "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    static Load start(int clients, Duration interval, Requests requests) {
        return new Load(clients, interval, requests);
    }

    void phase(String name) {
        phase = name;
    }

    private void client(Duration interval, Requests requests) {
        long next = System.nanoTime();
        while (!stopped) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
            next = Math.max(next + interval.toNanos(), System.nanoTime());
            String startedIn = phase;
            long start = System.nanoTime();
            Request request;
            try {
                request = requests.next(counter.getAndIncrement());
            } catch (RuntimeException | AssertionError e) {
                // making the request failed (a bench logging in again, say): a failed request, and the client goes on
                samples.add(new Sample(startedIn, "setup", (System.nanoTime() - start) / 1e6, "setup " + e.getMessage()));
                continue;
            }
            String failure;
            try {
                Api.Response response = request.call().get();
                failure = response.status() >= 200 && response.status() < 300 ? null
                        : request.kind() + " " + response.status() + " " + response.body().substring(0, Math.min(160, response.body().length()));
            } catch (RuntimeException e) {
                failure = request.kind() + " " + e;
            }
            samples.add(new Sample(startedIn, request.kind(), (System.nanoTime() - start) / 1e6, failure));
        }
    }

    /** The figures of the requests that started in any of {@code phaseNames}. */
    Figures figures(String... phaseNames) {
        Set<String> names = Set.of(phaseNames);
        List<Sample> of = samples.stream().filter(s -> names.contains(s.phase())).toList();
        if (of.isEmpty()) {
            return new Figures(0, 0, Double.NaN, Double.NaN, Double.NaN, Map.of(), Map.of(), List.of());
        }
        double[] all = of.stream().mapToDouble(Sample::millis).sorted().toArray();
        Map<String, Double> byKind = new LinkedHashMap<>();
        of.stream().map(Sample::kind).distinct().sorted().forEach(kind -> byKind.put(kind,
                percentile(of.stream().filter(s -> s.kind().equals(kind)).mapToDouble(Sample::millis).sorted().toArray(), 0.99)));
        return new Figures(all.length, (int) of.stream().filter(s -> !s.ok()).count(), percentile(all, 0.50),
                percentile(all, 0.99), all[all.length - 1], byKind,
                of.stream().filter(s -> !s.ok()).collect(Collectors.groupingBy(Sample::kind, TreeMap::new, Collectors.counting())),
                of.stream().filter(s -> !s.ok()).map(Sample::failure).distinct().limit(4).toList());
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(sorted.length * p))];
    }

    /** Stops sending; requests in flight are waited for (each ends within the client's timeout). */
    @Override
    public void close() {
        stopped = true;
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(90).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
