package id.narasiahli.testsupport.http;

import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small JSON-over-HTTP client for black-box API tests: requests as a given user (bearer token) and from
 * a given client address (X-Forwarded-For, which the shared server trusts).
 */
public final class Api {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;
    private final String clientAddress;

    public Api(URI base) {
        this(base, null, "10.0." + (ADDRESSES.incrementAndGet() / 250) + "." + (ADDRESSES.get() % 250 + 1));
    }

    private Api(URI base, String token, String clientAddress) {
        this.base = base;
        this.token = token;
        this.clientAddress = clientAddress;
    }

    public Api as(String accessToken) {
        return new Api(base, accessToken, clientAddress);
    }

    public Api from(String address) {
        return new Api(base, token, address);
    }

    public URI base() {
        return base;
    }

    public record Response(int status, String body, Map<String, String> headers) {

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        private JsonStructure structure() {
            try {
                return Json.createReader(new StringReader(body)).read();
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A fresh user: registered, logged in; {@link User#api()} acts as them. */
    public record User(int id, String email, String password, String fullName, String accessToken, String refreshToken,
                       Api api) {
    }

    public User newUser(String fullName) {
        String email = "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String password = "Pass-" + UUID.randomUUID();
        Response registered = post("/api/auth/register", Json.createObjectBuilder()
                .add("email", email).add("password", password).add("fullName", fullName).build());
        if (registered.status() != 201) {
            throw new AssertionError("register: " + registered);
        }
        return login(registered.json().getInt("id"), email, password, fullName);
    }

    public User login(int id, String email, String password, String fullName) {
        Response login = post("/api/auth/login", Json.createObjectBuilder().add("email", email).add("password", password).build());
        if (login.status() != 200) {
            throw new AssertionError("login: " + login);
        }
        JsonObject tokens = login.json();
        String access = tokens.getString("accessToken");
        return new User(id, email, password, fullName, access, tokens.getString("refreshToken"), as(access));
    }

    public User admin() {
        return login(0, SharedServer.ADMIN_EMAIL, SharedServer.ADMIN_PASSWORD, "Administrator");
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response delete(String path, JsonStructure body) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response post(String path, JsonStructure body) {
        return postRaw(path, "application/json", body.toString());
    }

    public Response postRaw(String path, String contentType, String body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, JsonStructure body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response patch(String path, JsonStructure body) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** One part of a multipart/form-data body: a plain field when fileName is null. */
    public record Part(String name, String fileName, String contentType, byte[] content) {

        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }
    }

    /** multipart/form-data with one file part. */
    public Response upload(String path, String field, String fileName, String contentType, byte[] content) {
        return multipart(path, Part.file(field, fileName, contentType, content));
    }

    public Response multipart(String path, Part... parts) {
        String boundary = "----narasi" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"")
                    + (part.contentType() == null ? "" : "\r\nContent-Type: " + part.contentType()) + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public HttpResponse<byte[]> download(String path) {
        try {
            return HTTP.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", clientAddress);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            return new Response(response.statusCode(), response.body(), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
