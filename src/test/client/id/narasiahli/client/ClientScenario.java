package id.narasiahli.client;

import id.narasiahli.client.api.AiSessionsApi;
import id.narasiahli.client.api.AuthApi;
import id.narasiahli.client.api.ConversationsApi;
import id.narasiahli.client.api.EducationApi;
import id.narasiahli.client.api.ExportApi;
import id.narasiahli.client.api.MeApi;
import id.narasiahli.client.model.AccountResponse;
import id.narasiahli.client.model.AiMessageView;
import id.narasiahli.client.model.AiSessionView;
import id.narasiahli.client.model.AppendMessage;
import id.narasiahli.client.model.ConversationView;
import id.narasiahli.client.model.CreateSession;
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
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A new user's first session, written against nothing but the client generated from the served /openapi
 * (compiled and run by platform.GeneratedClientIT). Given the server's base URL, returns the deleted account's id.
 */
public class ClientScenario implements Function<String, Integer> {

    /** A 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Override
    public Integer apply(String baseUrl) {
        try {
            return run(baseUrl);
        } catch (Exception e) {
            throw new AssertionError("The generated client failed: " + e, e);
        }
    }

    private static ApiClient client(String baseUrl, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl.replaceAll("/$", ""));
        client.setHttpClientBuilder(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1));
        String address = "10.17.1." + (1 + (Math.abs(baseUrl.hashCode() + (token == null ? 0 : token.hashCode())) % 200));
        client.setRequestInterceptor(request -> {
            request.header("X-Forwarded-For", address);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        });
        return client;
    }

    private static Integer run(String baseUrl) throws Exception {
        AuthApi auth = new AuthApi(client(baseUrl, null));
        String email = "client-" + UUID.randomUUID() + "@narasi.test";
        String password = "Generated-Client-Passphrase-17";
        AccountResponse account = auth.register(new RegisterRequest().email(email).password(password).fullName("Generated Client"));
        AccountResponse other = auth.register(new RegisterRequest().email("other-" + email).password(password).fullName("Other Side"));
        TokenResponse login = auth.login(new LoginRequest().email(email).password(password));
        TokenResponse tokens = auth.refresh(new RefreshRequest().refreshToken(login.getRefreshToken()));
        check(tokens.getAccessToken() != null && !tokens.getRefreshToken().equals(login.getRefreshToken()), "refresh rotates");

        ApiClient signedIn = client(baseUrl, tokens.getAccessToken());
        MeApi me = new MeApi(signedIn);
        Profile profile = me.getMe();
        check(profile.getId().equals(account.getId()) && profile.getCreatedAt() != null, "profile " + profile);
        Profile patched = me.patchMe(Map.of("degree", "S.Kom"));
        check("S.Kom".equals(patched.getDegree()), "patched " + patched);

        EducationApi education = new EducationApi(signedIn);
        Education created = education.createEducation(new EducationRequest().schoolName("Universitas Indonesia")
                .major("Ilmu Komputer").educationLevel("S1").graduationYear(2015));
        EducationPage page = education.listEducation(10, 0, null);
        check(page.getTotal() == 1 && page.getItems().get(0).getId().equals(created.getId())
                && page.getItems().get(0).getCreatedAt().equals(created.getCreatedAt()), "list " + page);
        File image = Files.createTempFile("certificate", ".png").toFile();
        Files.write(image.toPath(), PNG);
        Education withCertificate = education.uploadCertificateEducation(created.getId(), image);
        check(withCertificate.getCertificateImage() != null, "certificate " + withCertificate);
        Education second = education.createEducation(new EducationRequest().schoolName("ITB").major("Informatika")
                .educationLevel("S2").graduationYear(2018));
        education.deleteEducation(second.getId());
        check(education.listEducation(null, null, null).getTotal() == 1, "deleted");

        ConversationsApi conversations = new ConversationsApi(signedIn);
        ConversationView conversation = conversations.openConversations(new OpenRequest().participantId(other.getId()));
        MessageView text = conversations.sendMessage(conversation.getId(), new TextMessage().text("Halo"));
        check("Halo".equals(text.getText()), "text " + text);
        MessageView file = conversations.sendAttachment(conversation.getId(), image, "image", "the certificate");
        check(file.getFileUrl() != null, "file " + file);

        AiSessionsApi ai = new AiSessionsApi(signedIn);
        AiSessionView session = ai.createAiSessions(new CreateSession().title("Tanya ahli"));
        AiMessageView message = ai.appendAiSessions(session.getId(), new AppendMessage().messageType("user").content("Apa itu LLM?"));
        check(message.getId() != null, "ai message " + message);

        Object export = new ExportApi(signedIn).exportExport();
        check(export != null && export.toString().contains("Universitas Indonesia"), "export " + export);

        me.deleteAccount(new DeleteAccountRequest().password(password));
        return account.getId();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
