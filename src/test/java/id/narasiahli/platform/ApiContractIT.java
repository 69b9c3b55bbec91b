package id.narasiahli.platform;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

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
                api.postRaw("/api/auth/login", "application/json", "{not json"),
                api.postRaw("/api/auth/login", "text/plain", "email=x"),
                user.api().delete("/api/me/education"),
                user.api().get("/api/me/education/not-a-number"),
                api.get("/api/me"),
                user.api().get("/api/admin/users"));
        List<Integer> statuses = errors.stream().map(Api.Response::status).toList();
        assertEquals(List.of(404, 400, 415, 405, 404, 401, 403), statuses, errors.toString());
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
