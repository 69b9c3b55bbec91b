package id.narasiahli.platform;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error is an RFC 9457 problem document without internals; /openapi describes the whole API. */
class ApiContractIT {

    @Test
    void errorsAreProblemDocumentsWithoutStackTraces() {
        Api api = SharedServer.api();
        Api.User user = api.newUser("Kontrak");
        List<Api.Response> errors = List.of(
                api.get("/api/nothing-here"),
                // no WADL (RestConfiguration): /openapi describes the API
                api.get("/api/application.wadl"),
                api.postRaw("/api/auth/login", "application/json", "{not json"),
                api.postRaw("/api/auth/login", "text/plain", "email=x"),
                user.api().delete("/api/me/education"),
                user.api().get("/api/me/education/not-a-number"),
                api.get("/api/me"),
                user.api().get("/api/admin/users"));
        List<Integer> statuses = errors.stream().map(Api.Response::status).toList();
        assertEquals(List.of(404, 404, 400, 415, 405, 404, 401, 403), statuses, errors.toString());
        for (Api.Response error : errors) {
            assertEquals("application/problem+json", error.header("Content-Type").split(";")[0], error.toString());
            JsonObject problem = error.json();
            assertEquals(error.status(), problem.getInt("status"));
            assertTrue(problem.containsKey("type") && problem.containsKey("title"), error.toString());
            assertFalse(error.body().contains("Exception") || error.body().contains("at id.narasiahli"), error.toString());
        }
    }

    @Test
    void openApiDescribesEveryPathAndTheBearerScheme() throws Exception {
        URI base = SharedServer.get().baseUri();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/openapi"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonObject openapi = Json.createReader(new StringReader(response.body())).readObject();
        JsonObject paths = openapi.getJsonObject("paths");
        for (String path : List.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/me",
                "/api/me/export", "/api/me/education", "/api/me/education/{id}", "/api/me/education/{id}/certificate",
                "/api/me/work", "/api/me/work/{id}", "/api/me/journals", "/api/me/journals/{id}", "/api/experts",
                "/api/experts/{id}", "/api/files/{id}", "/api/admin/users")) {
            assertTrue(paths.containsKey(path), path + " missing from " + paths.keySet());
        }
        assertTrue(openapi.getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearer"));
        assertTrue(paths.getJsonObject("/api/me").containsKey("patch"));
        JsonObject schemas = openapi.getJsonObject("components").getJsonObject("schemas");
        for (String schema : List.of("RegisterRequest", "TokenResponse", "Profile", "EducationRequest", "Education",
                "WorkRequest", "Work", "JournalRequest", "Journal", "PublicProfile")) {
            assertTrue(schemas.containsKey(schema), schema + " missing from " + schemas.keySet());
        }
        assertEquals(255, schemas.getJsonObject("RegisterRequest").getJsonObject("properties").getJsonObject("email").getInt("maxLength"),
                "constraints appear in the request schemas");
    }

    /**
     * What generated clients need from the document: a unique operationId and a 2xx on every operation, a security
     * entry on every one (an empty requirement on the public ones), problem+json on every error, success schemas that
     * refer to named models instead of inline objects, the multipart uploads with a binary field, the download binary.
     */
    @Test
    void openApiTypesEveryOperationForGeneratedClients() throws Exception {
        JsonObject openapi = document();
        JsonObject schemas = openapi.getJsonObject("components").getJsonObject("schemas");
        Set<String> ids = new HashSet<>();
        List<String> publicOperations = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : openapi.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> entry : path.getValue().asJsonObject().entrySet()) {
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonObject operation = entry.getValue().asJsonObject();
                assertTrue(ids.add(operation.getString("operationId")), "operationId used twice: " + name);
                JsonArray security = operation.getJsonArray("security");
                assertTrue(security != null && security.size() == 1, name + " has no security entry: " + operation.get("security"));
                if (security.getJsonObject(0).isEmpty()) {
                    publicOperations.add(name);
                } else {
                    assertEquals(Json.createArrayBuilder().build(), security.getJsonObject(0).getJsonArray("bearer"), name);
                }
                JsonObject responses = operation.getJsonObject("responses");
                assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), name + " declares no 2xx");
                for (Map.Entry<String, JsonValue> response : responses.entrySet()) {
                    JsonObject content = response.getValue().asJsonObject().getJsonObject("content");
                    if (response.getKey().startsWith("2")) {
                        if (content != null) {
                            content.values().forEach(media -> assertTyped(name + " " + response.getKey(),
                                    media.asJsonObject().getJsonObject("schema")));
                        }
                    } else {
                        assertEquals("#/components/schemas/Problem", content.getJsonObject("application/problem+json")
                                .getJsonObject("schema").getString("$ref"), name + " " + response.getKey());
                    }
                }
                JsonObject body = operation.getJsonObject("requestBody");
                if (body != null) {
                    assertFalse(body.getJsonObject("content").containsKey("*/*"), name + " has an untyped body");
                    body.getJsonObject("content").values().forEach(media -> assertTyped(name + " body",
                            media.asJsonObject().getJsonObject("schema")));
                }
            }
        }
        assertEquals(List.of("GET /api/experts", "GET /api/experts/{id}", "POST /api/auth/login", "POST /api/auth/logout",
                "POST /api/auth/refresh", "POST /api/auth/register"), publicOperations.stream().sorted().toList());

        JsonObject paths = openapi.getJsonObject("paths");
        assertEquals("#/components/schemas/AccountResponse", successSchema(paths, "/api/auth/register", "post", "201").getString("$ref"));
        assertEquals("#/components/schemas/Education", successSchema(paths, "/api/me/education", "post", "201").getString("$ref"));
        assertEquals("#/components/schemas/AiSessionView", successSchema(paths, "/api/ai-sessions", "post", "201").getString("$ref"));
        assertEquals("#/components/schemas/Tag", successSchema(paths, "/api/admin/schema/tags", "post", "201").getString("$ref"));
        assertTrue(schemas.containsKey("AccountResponse") && schemas.containsKey("AiSessionView"), schemas.keySet().toString());
        JsonObject download = paths.getJsonObject("/api/files/{id}").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/octet-stream").getJsonObject("schema");
        assertEquals(Json.createObjectBuilder().add("type", "string").add("format", "binary").build(), download);

        for (String upload : List.of("/api/me/education/{id}/certificate", "/api/conversations/{id}/attachments")) {
            JsonObject form = paths.getJsonObject(upload).getJsonObject("post").getJsonObject("requestBody")
                    .getJsonObject("content").getJsonObject("multipart/form-data").getJsonObject("schema");
            // in place: generators make parameters of a form's parts and no model for it, yet import a referred one
            assertFalse(form.containsKey("$ref"), upload + ": " + form);
            assertEquals("binary", form.getJsonObject("properties").getJsonObject("file").getString("format"), upload + ": " + form);
            assertEquals(List.of("file"), form.getJsonArray("required").getValuesAs(JsonString::getString), upload + ": " + form);
        }
        JsonObject message = paths.getJsonObject("/api/conversations/{id}/messages").getJsonObject("post")
                .getJsonObject("requestBody").getJsonObject("content");
        assertEquals(Set.of("application/json"), message.keySet(), "a text message is JSON; its form is at .../attachments");
        assertEquals("#/components/schemas/TextMessage", message.getJsonObject("application/json").getJsonObject("schema")
                .getString("$ref"));
        JsonObject scope = resolve(schemas, paths.getJsonObject("/api/admin/schema/apply").getJsonObject("post")
                .getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json").getJsonObject("schema"));
        assertEquals("boolean", scope.getJsonObject("properties").getJsonObject("all").getString("type"), scope.toString());
    }

    /**
     * Enums in place, not as a $ref by simple name (LintFinding's Status enum and the schema status record are both
     * "Status": a client typed findings[].status as the status record); a nullable reference as allOf, since OpenAPI
     * 3.0 ignores what stands beside a $ref; and no component schema that nothing uses.
     */
    @Test
    void openApiSchemasSayWhatJsonBWrites() throws Exception {
        JsonObject openapi = document();
        JsonObject schemas = openapi.getJsonObject("components").getJsonObject("schemas");
        JsonObject finding = schemas.getJsonObject("LintFinding").getJsonObject("properties");
        assertEquals(Json.createObjectBuilder().add("type", "string").add("enum", Json.createArrayBuilder()
                .add("REPORTED").add("EXEMPTED").add("BASELINED")).build(), finding.getJsonObject("status"));
        assertEquals(List.of("ERROR", "WARNING"), finding.getJsonObject("severity").getJsonArray("enum").getValuesAs(JsonString::getString));
        assertTrue(schemas.getJsonObject("Status").getJsonObject("properties").containsKey("atHead"), "the schema status record");
        JsonObject lastMessage = schemas.getJsonObject("ConversationView").getJsonObject("properties").getJsonObject("lastMessage");
        assertEquals(Json.createObjectBuilder().add("type", "object").add("nullable", true).add("allOf", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("$ref", "#/components/schemas/MessagePreview"))).build(), lastMessage);
        String text = openapi.toString();
        for (String name : schemas.keySet()) {
            assertTrue(text.contains("\"#/components/schemas/" + name + "\""), name + " is used nowhere");
        }
    }

    private static JsonObject document() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SharedServer.get().baseUri()
                .resolve("/openapi")).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject successSchema(JsonObject paths, String path, String verb, String code) {
        return paths.getJsonObject(path).getJsonObject(verb).getJsonObject("responses").getJsonObject(code)
                .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
    }

    private static JsonObject resolve(JsonObject schemas, JsonObject schema) {
        return schema.containsKey("$ref") ? schemas.getJsonObject(schema.getString("$ref").replace("#/components/schemas/", ""))
                : schema;
    }

    /**
     * A named model, a list of them, a scalar, or an object that says it is free-form (a Map or a JSON document
     * without a Java type); never an inline object with properties, which generators turn into a model per operation
     * (CreateEducation201Response), nor leftovers of another schema such as maxProperties 0.
     */
    private static void assertTyped(String where, JsonObject schema) {
        assertTrue(schema != null, where + " has no schema");
        if (schema.containsKey("$ref")) {
            return;
        }
        String type = schema.getString("type", "");
        assertFalse(type.isEmpty() || schema.containsKey("maxProperties"), where + ": " + schema);
        if (type.equals("array")) {
            assertTyped(where + " items", schema.getJsonObject("items"));
        } else if (type.equals("object")) {
            boolean freeForm = schema.getBoolean("additionalProperties", false) && !schema.containsKey("properties");
            boolean form = where.endsWith("body") && schema.containsKey("properties"); // multipart forms are inline
            assertTrue(freeForm || form, where + " is an untyped or inline object: " + schema);
        } else if (type.equals("string")) {
            assertFalse(schema.containsKey("properties"), where + ": " + schema);
        }
    }

    /** Over HTTP/1.1 (what curl, proxies and generated clients speak), both routes delete the account. */
    @Test
    void accountDeletionWorksOverHttp11() throws Exception {
        Api api = SharedServer.api();
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String method : List.of("POST", "DELETE")) {
            Api.User user = api.newUser("Deletion " + method);
            String path = method.equals("POST") ? "/api/me/deletion" : "/api/me";
            HttpResponse<String> deleted = http11.send(HttpRequest.newBuilder(SharedServer.get().baseUri().resolve(path))
                    .header("Authorization", "Bearer " + user.accessToken()).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                            .add("password", user.password()).build().toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, deleted.statusCode(), method + " " + path + ": " + deleted.body());
            assertEquals("0", SharedServer.queryValue("SELECT count(*) FROM users WHERE id = ?", user.id()), method);
        }
    }
}
