package id.narasiahli.accounts;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 15, item 1: nobody becomes administrator by registering (or moving their account to) the address in
 * NARASI_ADMIN_EMAIL, and a stolen access token alone cannot move an account to another email.
 */
class AccountTakeoverIT {

    private static Api api;

    @BeforeAll
    static void server() {
        api = SharedServer.api();
    }

    @Test
    void changingTheEmailNeedsTheCurrentPassword() {
        Api.User user = api.newUser("Indah Email");
        String wanted = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        Api.Response without = user.api().patch("/api/me", Json.createObjectBuilder().add("email", wanted).build());
        assertEquals(400, without.status(), without.body());
        assertEquals("currentPassword", without.json().getJsonArray("errors").getJsonObject(0).getString("field"), without.body());
        Api.Response wrong = user.api().patch("/api/me", Json.createObjectBuilder().add("email", wanted)
                .add("currentPassword", "not my password").build());
        assertEquals(403, wrong.status(), wrong.body());
        assertEquals("urn:narasi-ahli:problem:password-mismatch", wrong.json().getString("type"));
        assertEquals(user.email(), SharedServer.queryValue("SELECT email FROM users WHERE id = ?", user.id()));

        Api.Response right = user.api().patch("/api/me", Json.createObjectBuilder().add("email", wanted)
                .add("currentPassword", user.password()).build());
        assertEquals(200, right.status(), right.body());
        assertEquals(wanted, SharedServer.queryValue("SELECT email FROM users WHERE id = ?", user.id()));
        Api.Response otherFields = user.api().patch("/api/me", Json.createObjectBuilder().add("degree", "S.Kom.")
                .add("email", wanted.toUpperCase()).build());
        assertEquals(200, otherFields.status(), "the same email (any case) and other fields need no password: " + otherFields.body());
    }

    @Test
    void anAccountRegisteredWithTheAdminAddressIsNeverPromotedAtStartup() {
        Api.User squatter = api.newUser("Penyerobot");
        String adminPassword = "Another-Admin-Passphrase-" + UUID.randomUUID();
        try (PayaraMicroProcess restarted = PayaraMicroProcess.start("first-admin-restart", SharedServer.DATABASE, Map.of(
                "NARASI_ADMIN_EMAIL", squatter.email(), "NARASI_ADMIN_PASSWORD", adminPassword,
                "NARASI_AUTH_PBKDF2_ITERATIONS", "20000"))) {
            restarted.awaitReady(Duration.ofSeconds(300));
            assertEquals("USER", SharedServer.queryValue("SELECT role FROM users WHERE id = ?", squatter.id()));
            Api other = new Api(restarted.baseUri());
            assertEquals(401, other.post("/api/auth/login", Json.createObjectBuilder().add("email", squatter.email())
                    .add("password", adminPassword).build()).status(), "the configured password does not open the account");
            Api.Response me = other.login(squatter.id(), squatter.email(), squatter.password(), squatter.fullName()).api().get("/api/me");
            assertEquals("USER", me.json().getString("role"), me.body());
        }
    }
}
