package id.narasiahli.client;

import id.narasiahli.client.api.AuthApi;
import id.narasiahli.client.api.ConversationsApi;
import id.narasiahli.client.api.EducationApi;
import id.narasiahli.client.api.FilesApi;
import id.narasiahli.client.api.MeApi;
import id.narasiahli.client.model.AccountResponse;
import id.narasiahli.client.model.ConversationView;
import id.narasiahli.client.model.DeleteAccountRequest;
import id.narasiahli.client.model.Education;
import id.narasiahli.client.model.EducationPage;
import id.narasiahli.client.model.EducationRequest;
import id.narasiahli.client.model.LoginRequest;
import id.narasiahli.client.model.MessageView;
import id.narasiahli.client.model.OpenRequest;
import id.narasiahli.client.model.Profile;
import id.narasiahli.client.model.RefreshRequest;
import id.narasiahli.client.model.RegisterRequest;
import id.narasiahli.client.model.TextMessage;
import id.narasiahli.client.model.TokenResponse;

import java.io.File;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A new user's first session, written against nothing but the client generated from the served /openapi (compiled
 * and run by platform.GeneratedClientIT; not a Maven source root, since the client exists only during that test).
 * It compiles only if the operations have the names and typed results a client needs (login returns a
 * TokenResponse, not void). Given the server's base URL, returns what it saw, for the test to check against the
 * database.
 */
public class ClientScenario implements Function<String, Map<String, Object>> {

    /** A 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Override
    public Map<String, Object> apply(String baseUrl) {
        try {
            return run(baseUrl);
        } catch (Exception e) {
            throw new AssertionError("The generated client failed: " + e, e);
        }
    }

    private static ApiClient client(String baseUrl, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl.replaceAll("/$", ""));
        // HTTP/1.1, as curl, proxies and most clients speak it (Java's client would upgrade to HTTP/2 otherwise)
        client.setHttpClientBuilder(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1));
        // an address of its own, so the login limits of other tests' users do not apply
        String address = "10.17." + (1 + Math.floorMod(baseUrl.hashCode(), 200)) + "." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 200));
        client.setRequestInterceptor(request -> {
            request.header("X-Forwarded-For", address);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        });
        return client;
    }

    private static Map<String, Object> run(String baseUrl) throws Exception {
        Map<String, Object> seen = new LinkedHashMap<>();
        AuthApi auth = new AuthApi(client(baseUrl, null));
        String email = "client-" + UUID.randomUUID() + "@narasi.test";
        String password = "Generated-Client-Passphrase-17";
        AccountResponse account = auth.register(new RegisterRequest().email(email).password(password).fullName("Generated Client"));
        seen.put("registeredId", account.getId());
        seen.put("registeredEmail", account.getEmail());

        TokenResponse login = auth.login(new LoginRequest().email(email).password(password));
        seen.put("loginTokenType", login.getTokenType());
        TokenResponse refreshed = auth.refresh(new RefreshRequest().refreshToken(login.getRefreshToken()));
        seen.put("refreshRotated", refreshed.getAccessToken() != null && refreshed.getRefreshToken() != null
                && !refreshed.getRefreshToken().equals(login.getRefreshToken()));
        // the refresh token the login gave is spent: only the new pair works
        seen.put("newRefreshWorks", auth.refresh(new RefreshRequest().refreshToken(refreshed.getRefreshToken())).getAccessToken() != null);

        ApiClient signedIn = client(baseUrl, refreshed.getAccessToken());
        Profile me = new MeApi(signedIn).getMe();
        seen.put("meId", me.getId());
        seen.put("meEmail", me.getEmail());

        EducationApi education = new EducationApi(signedIn);
        Education created = education.createEducation(new EducationRequest().schoolName("Universitas Indonesia")
                .major("Ilmu Komputer").educationLevel("S1").graduationYear(2015));
        seen.put("educationId", created.getId());
        EducationPage page = education.listEducation(10, 0, null);
        seen.put("educationTotal", page.getTotal());
        seen.put("listedSameCreatedAt", page.getItems().get(0).getCreatedAt().equals(created.getCreatedAt()));

        File image = Files.createTempFile("certificate", ".png").toFile();
        Files.write(image.toPath(), PNG);
        Education withCertificate = education.uploadCertificateEducation(created.getId(), image);
        String download = withCertificate.getCertificateImage();
        seen.put("certificateImage", download);
        File downloaded = new FilesApi(signedIn).downloadFiles(download.substring(download.lastIndexOf('/') + 1));
        seen.put("downloadedSameBytes", Arrays.equals(PNG, Files.readAllBytes(downloaded.toPath())));

        AccountResponse other = auth.register(new RegisterRequest().email("other-" + email).password(password).fullName("Other Side"));
        seen.put("otherId", other.getId());
        ConversationsApi conversations = new ConversationsApi(signedIn);
        ConversationView conversation = conversations.openConversations(new OpenRequest().participantId(other.getId()));
        seen.put("conversationId", conversation.getId());
        MessageView text = conversations.sendMessage(conversation.getId(), new TextMessage().text("Halo"));
        seen.put("messageText", text.getText());
        MessageView file = conversations.sendAttachment(conversation.getId(), image, "image", "the certificate");
        seen.put("attachmentType", file.getMessageType());
        seen.put("attachmentCaption", file.getText());

        new MeApi(signedIn).deleteAccount(new DeleteAccountRequest().password(password));
        return seen;
    }
}
