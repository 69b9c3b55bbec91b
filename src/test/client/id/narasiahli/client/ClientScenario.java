package id.narasiahli.client;

import id.narasiahli.client.api.AiSessionsApi;
import id.narasiahli.client.api.AuthApi;
import id.narasiahli.client.api.ConversationsApi;
import id.narasiahli.client.api.EducationApi;
import id.narasiahli.client.api.ExportApi;
import id.narasiahli.client.api.FilesApi;
import id.narasiahli.client.api.MeApi;
import id.narasiahli.client.model.AccountResponse;
import id.narasiahli.client.model.AiMessageView;
import id.narasiahli.client.model.AiSessionView;
import id.narasiahli.client.model.AppendMessage;
import id.narasiahli.client.model.CreateSession;
import id.narasiahli.client.model.ConversationView;
import id.narasiahli.client.model.DeleteAccountRequest;
import id.narasiahli.client.model.Education;
import id.narasiahli.client.model.EducationPage;
import id.narasiahli.client.model.EducationRequest;
import id.narasiahli.client.model.LoginRequest;
import id.narasiahli.client.model.MessageView;
import id.narasiahli.client.model.OpenRequest;
import id.narasiahli.client.model.Participant;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A new user's first session, written against nothing but the client generated from the served /openapi (compiled
 * and run by platform.GeneratedClientIT; not a Maven source root, since the client exists only during that test).
 * It compiles only if the operations have the names and typed results a client needs (login returns a
 * TokenResponse, not void). Given the server's base URL, returns what it saw; before it deletes the account it hands
 * what it saw so far to the given check, so the test can compare it with the rows in the database while they exist.
 */
public class ClientScenario implements BiFunction<String, Consumer<Map<String, Object>>, Map<String, Object>> {

    /** A 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Override
    public Map<String, Object> apply(String baseUrl, Consumer<Map<String, Object>> beforeDeletion) {
        try {
            return run(baseUrl, beforeDeletion);
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

    private static Map<String, Object> run(String baseUrl, Consumer<Map<String, Object>> beforeDeletion) throws Exception {
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
        MeApi meApi = new MeApi(signedIn);
        Profile me = meApi.getMe();
        seen.put("meId", me.getId());
        seen.put("meEmail", me.getEmail());
        // a JSON merge patch is a map: a member set to null clears the field, one left out stays as it is
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("lastJobTitle", "Peneliti Data");
        patch.put("phoneNumber", "+6281234567890");
        Profile patched = meApi.patchMe(patch);
        seen.put("patchedJobTitle", patched.getLastJobTitle());
        seen.put("patchedPhone", patched.getPhoneNumber());
        seen.put("patchedFullName", patched.getFullName());
        seen.put("rereadJobTitle", meApi.getMe().getLastJobTitle());

        EducationApi education = new EducationApi(signedIn);
        Education created = education.createEducation(new EducationRequest().schoolName("Universitas Indonesia")
                .major("Ilmu Komputer").educationLevel("S1").graduationYear(2015));
        seen.put("educationId", created.getId());
        EducationPage page = education.listEducation(10, 0, null);
        seen.put("educationTotal", page.getTotal());
        seen.put("listedSameCreatedAt", page.getItems().get(0).getCreatedAt().equals(created.getCreatedAt()));
        Education second = education.createEducation(new EducationRequest().schoolName("Institut Teknologi Bandung")
                .major("Informatika").educationLevel("S2").graduationYear(2018));
        seen.put("educationTotalWithSecond", education.listEducation(10, 0, null).getTotal());
        education.deleteEducation(second.getId());
        seen.put("deletedEducationId", second.getId());
        seen.put("educationTotalAfterDelete", education.listEducation(10, 0, null).getTotal());

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
        Participant participant = conversation.getParticipant(); // compiles only if a nullable reference is still the model
        seen.put("conversationParticipant", participant.getId());
        MessageView text = conversations.sendMessage(conversation.getId(), new TextMessage().text("Halo"));
        seen.put("messageText", text.getText());
        MessageView file = conversations.sendAttachment(conversation.getId(), image, "image", "the certificate");
        seen.put("attachmentType", file.getMessageType());
        seen.put("attachmentCaption", file.getText());

        AiSessionsApi ai = new AiSessionsApi(signedIn);
        AiSessionView session = ai.createAiSessions(new CreateSession().title("Riset kebijakan energi"));
        seen.put("aiSessionId", session.getId());
        seen.put("aiSessionKey", session.getAiSessionId());
        AiMessageView asked = ai.appendAiSessions(session.getId(), new AppendMessage().messageType("user")
                .content("Apa dampak subsidi energi?"));
        seen.put("aiMessageId", asked.getId());
        seen.put("aiMessageSession", asked.getSessionId());
        seen.put("aiMessageContent", asked.getContent());
        seen.put("aiMessageCount", ai.getAiSessions(session.getId()).getMessageCount());

        Map<String, Object> export = new ExportApi(signedIn).exportMyData();
        seen.put("exportUserId", export.get("userId"));
        Map<?, ?> exported = (Map<?, ?>) export.get("account");
        seen.put("exportEmail", exported.get("email"));
        seen.put("exportJobTitle", exported.get("last_job_title"));
        seen.put("exportPhone", exported.get("phone_number"));
        for (String section : List.of("education_histories", "chat_messages", "ai_chat_sessions", "ai_chat_messages")) {
            seen.put("export " + section, ((List<?>) export.get(section)).size());
        }

        beforeDeletion.accept(seen);
        meApi.deleteAccount(new DeleteAccountRequest().password(password));
        return seen;
    }
}
