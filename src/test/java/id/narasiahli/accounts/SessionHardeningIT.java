package id.narasiahli.accounts;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.SharedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 9: tokens are never cached, a login has an absolute lifetime however often it is refreshed,
 * a password change ends every other session, API responses carry the security headers, and a failed login
 * no longer purges the failures table on its way.
 */
class SessionHardeningIT {

    private static Api api;

    @BeforeAll
    static void server() {
        api = SharedServer.api();
    }

    @Test
    void tokenResponsesAreNeverCachedAndApiResponsesCarryTheSecurityHeaders() {
        Api.User user = api.newUser("Cache Tidak");
        Api.Response login = api.post("/api/auth/login", credentials(user.email(), user.password()));
        assertEquals(200, login.status());
        assertEquals("no-store", login.header("Cache-Control"));
        Api.Response refreshed = api.post("/api/auth/refresh", Json.createObjectBuilder().add("refreshToken", user.refreshToken()).build());
        assertEquals("no-store", refreshed.header("Cache-Control"));
        Api.Response me = user.api().get("/api/me");
        assertEquals("nosniff", me.header("X-Content-Type-Options"));
        assertEquals("DENY", me.header("X-Frame-Options"));
        assertTrue(me.header("Content-Security-Policy").contains("frame-ancestors 'none'"), me.headers().toString());
        assertEquals("no-referrer", me.header("Referrer-Policy"));
    }

    @Test
    void aLoginEndsAtItsAbsoluteLifetimeHoweverOftenItWasRefreshed() {
        Api.User user = api.newUser("Keluarga Tua");
        // the login began 91 days ago (more than narasi.auth.refresh-family-days = 90); its token itself is still unexpired
        SharedServer.queryValue("UPDATE refresh_tokens SET issued_at = issued_at - interval '91 days' WHERE user_id = ? RETURNING 1", user.id());
        Api.Response refreshed = api.post("/api/auth/refresh", Json.createObjectBuilder().add("refreshToken", user.refreshToken()).build());
        assertEquals(401, refreshed.status(), refreshed.toString());
        assertTrue(refreshed.json().getString("detail").contains("log in again"), refreshed.toString());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndRevokesEveryOtherRefreshToken() {
        Api.User user = api.newUser("Ganti Sandi");
        Api.User otherSession = api.login(user.id(), user.email(), user.password(), user.fullName());
        String newPassword = "Brand-New-" + UUID.randomUUID();

        Api.Response wrong = user.api().post("/api/me/password", Json.createObjectBuilder()
                .add("currentPassword", "not it at all").add("newPassword", newPassword).build());
        assertEquals(403, wrong.status(), wrong.toString());
        Api.Response weak = user.api().post("/api/me/password", Json.createObjectBuilder()
                .add("currentPassword", user.password()).add("newPassword", "short").build());
        assertEquals(400, weak.status(), weak.toString());

        Api.Response changed = user.api().post("/api/me/password", Json.createObjectBuilder()
                .add("currentPassword", user.password()).add("newPassword", newPassword).build());
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("no-store", changed.header("Cache-Control"));
        for (String old : new String[]{user.refreshToken(), otherSession.refreshToken()}) {
            assertEquals(401, api.post("/api/auth/refresh", Json.createObjectBuilder().add("refreshToken", old).build()).status());
        }
        assertEquals("1", SharedServer.queryValue("SELECT count(*)::text FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", user.id()));
        assertEquals(200, api.post("/api/auth/refresh", Json.createObjectBuilder()
                .add("refreshToken", changed.json().getString("refreshToken")).build()).status(), "this session goes on");
        assertEquals(401, api.post("/api/auth/login", credentials(user.email(), user.password())).status());
        assertEquals(200, api.post("/api/auth/login", credentials(user.email(), newPassword)).status());
    }

    @Test
    void aFailedLoginLeavesOldFailuresToTheTimer() {
        String email = "old-failure-" + UUID.randomUUID() + "@example.com";
        SharedServer.queryValue("INSERT INTO login_failures (email, client_address, failed_at)"
                + " VALUES (?, '192.0.2.1', now() - interval '2 days') RETURNING 1", email);
        assertEquals(401, api.post("/api/auth/login", credentials("nobody-" + UUID.randomUUID() + "@example.com", "wrong guess")).status());
        assertEquals("1", SharedServer.queryValue("SELECT count(*)::text FROM login_failures WHERE email = ?", email),
                "the login path does not scan and delete expired failures");
    }

    private static JsonObject credentials(String email, String password) {
        return Json.createObjectBuilder().add("email", email).add("password", password).build();
    }
}
