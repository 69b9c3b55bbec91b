package id.narasiahli.platform;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every operation in the served OpenAPI document: malformed and wrong-typed bodies, NUL characters, unpaired
 * surrogates, deep nesting, huge strings and ids, sent as a signed-in user over HTTP/1.1. None may be answered with a
 * 5xx, and every error must be a problem document. Administrators' operations are sent the same as a user (403) and,
 * as the administrator, only bodies that are invalid (never an empty or empty-object body, which could act on an
 * operation that takes none, nor {"all": true}).
 */
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build(); // a connect, not an answer: a stalled 2-core CI machine once took over 5 s
    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete");

    private final List<String> failures = new ArrayList<>();
    private int sent;
    private int serverErrors;

    @Test
    void noOperationAnswersHostileInputWithA5xxOrWithoutAProblemDocument() throws Exception {
        URI base = SharedServer.get().baseUri();
        Api api = SharedServer.api();
        Api.User user = api.newUser("Hostile Input");
        Api.User admin = api.admin();
        HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(base.resolve("/openapi")).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode(), served.body());
        JsonObject document = Json.createReader(new StringReader(served.body())).readObject();
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
                if (!VERBS.contains(operation.getKey())) {
                    continue;
                }
                String verb = operation.getKey().toUpperCase();
                boolean adminOnly = path.getKey().startsWith("/api/admin/");
                List<String> targets = paths(path.getKey());
                for (String target : targets) {
                    for (String query : queries(operation.getValue().asJsonObject())) {
                        check(base, verb, target + query, user.accessToken(), null, null);
                    }
                    JsonObject op = operation.getValue().asJsonObject();
                    boolean takesBody = op.containsKey("requestBody") || verb.equals("POST") || verb.equals("PUT") || verb.equals("PATCH");
                    if (!takesBody || (!target.equals(targets.get(0)) && !target.equals(targets.get(targets.size() - 1)))) {
                        continue; // bodies at a plausible id and at the longest one
                    }
                    for (Map.Entry<String, String> body : bodies(document, op, adminOnly).entrySet()) {
                        check(base, verb, target, user.accessToken(), "application/json", body.getValue());
                        if (adminOnly) {
                            check(base, verb, target, admin.accessToken(), "application/json", body.getValue());
                        }
                    }
                    if (!adminOnly) {
                        check(base, verb, target, user.accessToken(), "*/*", "--x\r\n\r\n");
                        check(base, verb, target, user.accessToken(), "multipart/form-data; boundary=x",
                                "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nnul \u0000 here\r\n--x--\r\n");
                    }
                }
            }
        }
        System.out.printf("HostileInputIT: %d requests, %d answered with 5xx%n", sent, serverErrors);
        assertTrue(sent > 1000, "too few requests: " + sent);
        assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " of " + sent + " requests failed");
    }

    @Test
    void containerErrorsAreProblemDocuments() throws Exception {
        URI base = SharedServer.get().baseUri();
        List<HttpResponse<String>> responses = List.of(
                send(base, "TRACE", "/api/experts", null, null, null),
                send(base, "GET", "/api/experts?q=%00", null, null, null),
                send(base, "GET", "/api/experts/" + "9".repeat(40), null, null, null));
        for (HttpResponse<String> response : responses) {
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response + " " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                    response + " " + response.body());
        }
    }

    /**
     * What is left open (src/site/markdown/api-contract.md, "Errors the container produces"): these are refused before
     * any application code runs, with an empty 400. Pinned here so that the tolerance in check() stays exactly this
     * narrow; should a Payara release answer them with a body, this fails and the tolerance and the page can go.
     */
    @Test
    void requestsRefusedBeforeTheApplicationGetAnEmpty400() throws Exception {
        URI base = SharedServer.get().baseUri();
        List<HttpResponse<String>> responses = List.of(
                send(base, "GET", "/api/experts/%00", null, null, null),
                send(base, "GET", "/api/experts/%ED%A0%80", null, null, null),
                send(base, "GET", "/api/experts/" + "a".repeat(9000), null, null, null),
                HTTP.send(HttpRequest.newBuilder(base.resolve("/api/experts")).header("X-Large", "b".repeat(20_000)).build(),
                        HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> response : responses) {
            String what = response.request().uri().toString().substring(0, Math.min(60, response.request().uri().toString().length()));
            assertEquals(400, response.statusCode(), what);
            assertEquals("", response.body(), what);
            assertEquals("0", response.headers().firstValue("Content-Length").orElse(""), what);
        }
    }

    private void check(URI base, String verb, String path, String token, String contentType, String body) {
        try {
            HttpResponse<String> response = send(base, verb, path, token, contentType, body);
            sent++;
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                serverErrors++;
            }
            // the container itself refuses a path with an encoded NUL or unpaired surrogate, and a request line over
            // Grizzly's 8 KiB, before the application sees it, with an empty 400 and nothing else (left open, with
            // what was tried, in src/site/markdown/api-contract.md); anything else must be a problem document
            String pathPart = path.split("\\?", 2)[0];
            boolean containerRefusal = status == 400 && response.body().isEmpty()
                    && "0".equals(response.headers().firstValue("Content-Length").orElse(""))
                    && (pathPart.contains("%00") || pathPart.contains("%ED%A0%80") || path.length() > 8000);
            if (status >= 500 || (status >= 400 && !containerRefusal && !type.startsWith("application/problem+json"))) {
                failures.add(verb + " " + shorten(path) + " [" + contentType + "] " + shorten(body) + " -> " + status + " "
                        + type + " " + shorten(response.body()));
            }
        } catch (Exception e) {
            failures.add(verb + " " + shorten(path) + " " + shorten(body) + " -> " + e);
        }
    }

    private static HttpResponse<String> send(URI base, String verb, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", "10.17.0." + (1 + (path.hashCode() & 0x7f)))
                .method(verb, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The path with each parameter replaced by hostile ids (and one plausible id). */
    private static List<String> paths(String template) {
        if (!template.contains("{")) {
            return List.of(template);
        }
        List<String> ids = List.of("1", "0", "-1", "2147483648", "9".repeat(40), "1.5", "abc", "%00", "%F0%9F%98%80",
                "%ED%A0%80", "a".repeat(3000));
        List<String> paths = new ArrayList<>();
        for (String id : ids) {
            paths.add(template.replaceAll("\\{[^}]+}", id));
        }
        return paths;
    }

    /** Each query parameter of the operation with hostile values; the first entry sends none. */
    private static List<String> queries(JsonObject operation) {
        List<String> queries = new ArrayList<>(List.of(""));
        if (!operation.containsKey("parameters")) {
            return queries;
        }
        for (JsonValue parameter : operation.getJsonArray("parameters")) {
            JsonObject p = parameter.asJsonObject();
            if (!"query".equals(p.getString("in"))) {
                continue;
            }
            for (String value : List.of("%00", "-1", "1.5", "abc", "9".repeat(40), "x".repeat(5000), "%ED%A0%80", "%C0%AF",
                    "2026-13-45", "")) {
                queries.add("?" + p.getString("name") + "=" + value);
            }
        }
        return queries;
    }

    /** Malformed bodies, and for each property of the request schema, wrong types and bad characters. */
    private static Map<String, String> bodies(JsonObject document, JsonObject operation, boolean adminOnly) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("array", "[]");
        bodies.put("null", "null");
        bodies.put("string", "\"s\"");
        bodies.put("number", "123");
        bodies.put("not json", "{not json");
        bodies.put("trailing", "{} {}");
        bodies.put("deep", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        bodies.put("deep array", "[".repeat(5000) + "]".repeat(5000));
        bodies.put("duplicate", "{\"count\":1,\"count\":2}");
        bodies.put("nul key", "{\"a\u0000\":1}");
        bodies.put("escaped nul", "{\"x\":\"\\u0000\"}");
        bodies.put("lone surrogate", "{\"x\":\"\\ud800\"}");
        bodies.put("huge number", "{\"x\":1e400}");
        if (!adminOnly) {
            bodies.put("empty", "");
            bodies.put("empty object", "{}");
        }
        for (String property : properties(document, operation)) {
            String p = "\"" + property + "\":";
            bodies.put(property + " array", "{" + p + "[\"a\"]}");
            bodies.put(property + " object", "{" + p + "{\"a\":1}}");
            if (!(adminOnly && property.equals("all"))) {
                bodies.put(property + " true", "{" + p + "true}"); // {"all": true} is a valid request to apply
            }
            bodies.put(property + " fraction", "{" + p + "1.9}");
            bodies.put(property + " big", "{" + p + "99999999999999999999999}");
            bodies.put(property + " nul", "{" + p + "\"a\\u0000b\"}");
            bodies.put(property + " raw nul", "{" + p + "\"a\u0000b\"}");
            bodies.put(property + " surrogate", "{" + p + "\"a\\udc00b\"}");
            bodies.put(property + " huge", "{" + p + "\"" + "x".repeat(200_000) + "\"}");
            bodies.put(property + " date", "{" + p + "\"2026-02-30\"}");
            bodies.put(property + " duplicate", "{" + p + "\"a\"," + p + "\"b\"}");
        }
        return bodies;
    }

    private static List<String> properties(JsonObject document, JsonObject operation) {
        if (!operation.containsKey("requestBody")) {
            return List.of();
        }
        JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
        if (content == null || !content.containsKey("application/json")) {
            return List.of();
        }
        JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
        if (schema != null && schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            schema = document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        }
        if (schema == null || !schema.containsKey("properties")) {
            return List.of("schoolName", "fullName", "email");
        }
        return List.copyOf(schema.getJsonObject("properties").keySet());
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace("\u0000", "\\0").replace("\n", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "…(" + flat.length() + ")" : flat;
    }
}
