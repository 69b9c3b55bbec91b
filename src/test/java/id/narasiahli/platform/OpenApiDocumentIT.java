package id.narasiahli.platform;

import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The served document, saved as target/openapi/openapi.json, checked in Java against the rules of Redocly's
 * "recommended" set (@redocly/cli 2.77.0) that it used to break, plus what generated clients need: struct (no
 * non-standard top-level keys), no-server-trailing-slash and a relative server, operation-operationId(-unique),
 * operation-summary, operation-2xx-response, operation-4xx-response, security-defined, path-parameters-defined,
 * no-unresolved-refs, operation-tag-defined; every error response a problem document; no untyped properties.
 */
class OpenApiDocumentIT {

    private static final Set<String> ROOT_KEYS = Set.of("openapi", "info", "servers", "paths", "components", "security",
            "tags", "externalDocs", "jsonSchemaDialect", "webhooks");
    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static JsonObject document;

    @BeforeAll
    static void fetchAndSave() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SharedServer.get().baseUri()
                .resolve("/openapi")).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Path saved = Path.of(System.getProperty("narasi.it.workDir", "target/it")).resolveSibling("openapi").resolve("openapi.json");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, response.body());
        document = Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    @Disabled("issue 17, open: security: [] is dropped by Payara, multipart and Response-method schemas; see"
            + " src/site/markdown/api-contract.md, 'Still open'")
    void followsTheRecommendedLintRules() {
        List<String> problems = new ArrayList<>();
        document.keySet().stream().filter(k -> !ROOT_KEYS.contains(k) && !k.startsWith("x-"))
                .forEach(k -> problems.add("struct: top-level key " + k));
        for (JsonValue server : document.getJsonArray("servers")) {
            String url = server.asJsonObject().getString("url");
            if ((url.endsWith("/") && !url.equals("/")) || url.contains("localhost") || url.contains("://")) {
                problems.add("server url " + url);
            }
        }
        Set<String> tags = new HashSet<>();
        if (document.containsKey("tags")) {
            document.getJsonArray("tags").forEach(t -> tags.add(t.asJsonObject().getString("name")));
        }
        Map<String, String> ids = new HashMap<>();
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            Set<String> templated = new HashSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) {
                templated.add(m.group(1));
            }
            for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                if (!VERBS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonObject operation = op.getValue().asJsonObject();
                String id = operation.getString("operationId", null);
                if (id == null) {
                    problems.add(name + ": no operationId");
                } else if (ids.put(id, name) != null) {
                    problems.add(name + ": operationId " + id + " also used by " + ids.get(id));
                }
                if (operation.getString("summary", "").isBlank()) {
                    problems.add(name + ": no summary");
                }
                if (!operation.containsKey("security") && !document.containsKey("security")) {
                    problems.add(name + ": security not defined");
                }
                if (!operation.containsKey("tags") || operation.getJsonArray("tags").isEmpty()
                        || !tags.containsAll(operation.getJsonArray("tags").getValuesAs(JsonString::getString))) {
                    problems.add(name + ": tag missing or not declared");
                }
                JsonObject responses = operation.getJsonObject("responses");
                if (responses.keySet().stream().noneMatch(c -> c.startsWith("2"))) {
                    problems.add(name + ": no 2xx response");
                }
                if (responses.keySet().stream().noneMatch(c -> c.startsWith("4"))) {
                    problems.add(name + ": no 4xx response");
                }
                for (Map.Entry<String, JsonValue> response : responses.entrySet()) {
                    JsonObject content = response.getValue().asJsonObject().getJsonObject("content");
                    boolean error = !response.getKey().startsWith("2");
                    if (error && (content == null || !content.containsKey("application/problem+json"))) {
                        problems.add(name + " " + response.getKey() + ": not a problem document");
                    }
                    if (!error && !response.getKey().equals("204") && content == null) {
                        problems.add(name + " " + response.getKey() + ": success without a schema");
                    }
                }
                Set<String> declared = new HashSet<>();
                if (operation.containsKey("parameters")) {
                    operation.getJsonArray("parameters").stream().map(JsonValue::asJsonObject)
                            .filter(p -> p.getString("in").equals("path")).forEach(p -> declared.add(p.getString("name")));
                }
                if (!declared.equals(templated)) {
                    problems.add(name + ": path parameters " + declared + " for " + templated);
                }
            }
        }
        checkReferencesAndTypes("#", document, problems);
        assertEquals(List.of(), problems, problems.size() + " problems");
    }

    /** Every $ref resolves; no property is an untyped object; no schema refuses every property (maxProperties: 0). */
    private static void checkReferencesAndTypes(String at, JsonValue value, List<String> problems) {
        if (value instanceof JsonObject object) {
            if (object.containsKey("$ref")) {
                String ref = object.getString("$ref");
                JsonValue target = document;
                for (String part : ref.substring(2).split("/")) {
                    target = target instanceof JsonObject o ? o.get(part.replace("~1", "/").replace("~0", "~")) : null;
                }
                if (target == null) {
                    problems.add(at + ": unresolved " + ref);
                }
            }
            if (object.containsKey("maxProperties") && object.getInt("maxProperties") == 0) {
                problems.add(at + ": maxProperties 0");
            }
            if (at.contains("/properties/") && "object".equals(object.getString("type", null)) && !object.containsKey("properties")
                    && !object.containsKey("additionalProperties")) {
                problems.add(at + ": untyped object");
            }
            object.forEach((key, child) -> checkReferencesAndTypes(at + "/" + key, child, problems));
        } else if (value instanceof jakarta.json.JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                checkReferencesAndTypes(at + "/" + i, array.get(i), problems);
            }
        }
    }

    @Test
    @Disabled("issue 17, open: security: [] is dropped by Payara, multipart and Response-method schemas; see"
            + " src/site/markdown/api-contract.md, 'Still open'")
    void typesDatesIntegersAndUploads() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        JsonObject education = schemas.getJsonObject("Education").getJsonObject("properties");
        assertEquals("date-time", education.getJsonObject("createdAt").getString("format"));
        assertEquals("int32", education.getJsonObject("graduationYear").getString("format"));
        assertEquals("date", schemas.getJsonObject("Work").getJsonObject("properties").getJsonObject("startDate").getString("format"));
        assertEquals("date-time", schemas.getJsonObject("AiLogView").getJsonObject("properties").getJsonObject("startDate").getString("format"));
        assertEquals(Set.of("schoolName", "major", "educationLevel", "graduationYear"),
                Set.copyOf(schemas.getJsonObject("EducationRequest").getJsonArray("required").getValuesAs(JsonString::getString)));
        assertEquals("#/components/schemas/TokenResponse", document.getJsonObject("paths").getJsonObject("/api/auth/login")
                .getJsonObject("post").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals(List.of(), document.getJsonObject("paths").getJsonObject("/api/auth/login").getJsonObject("post")
                .getJsonArray("security"), "public operations say security: []");
        JsonObject upload = document.getJsonObject("paths").getJsonObject("/api/me/education/{id}/certificate")
                .getJsonObject("post").getJsonObject("requestBody").getJsonObject("content").getJsonObject("multipart/form-data");
        assertEquals("binary", upload.getJsonObject("schema").getJsonObject("properties").getJsonObject("file").getString("format"));
        assertEquals("#/components/schemas/EducationPage", document.getJsonObject("paths").getJsonObject("/api/me/education")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
    }
}
