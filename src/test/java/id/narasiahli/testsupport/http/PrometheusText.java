package id.narasiahli.testsupport.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Payara's /metrics (Prometheus text format) as a scraper would, to find one series' value. */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");

    private final String body;

    private PrometheusText(String body) {
        this.body = body;
    }

    public static PrometheusText scrape(URI base) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(base.resolve("/metrics?scope=application")).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("/metrics answered " + response.statusCode() + ": " + response.body());
            }
            return new PrometheusText(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String body() {
        return body;
    }

    /** The value of the one series {@code name} whose labels include every {@code label="value"} given; NaN if none. */
    public double value(String name, String... labels) {
        List<String> matches = samples(name, labels);
        if (matches.size() > 1) {
            throw new AssertionError("More than one series " + name + " " + String.join(",", labels) + ": " + matches);
        }
        if (matches.isEmpty()) {
            return Double.NaN;
        }
        Matcher m = SAMPLE.matcher(matches.get(0));
        if (!m.matches()) {
            throw new AssertionError(matches.get(0));
        }
        return Double.parseDouble(m.group(4));
    }

    /** The sample lines of {@code name} whose labels include every {@code label="value"} given. */
    public List<String> samples(String name, String... labels) {
        return body.lines().filter(line -> !line.startsWith("#")).filter(line -> {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) {
                return false;
            }
            String tags = m.group(3) == null ? "" : m.group(3);
            for (String label : labels) {
                if (!tags.contains(label)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    @Override
    public String toString() {
        return body;
    }
}
