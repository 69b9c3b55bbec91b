package id.narasiahli.console;

import id.narasiahli.testsupport.browser.HeadlessChromium;
import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.payara.SharedServer;
import id.narasiahli.testsupport.payara.TestWar;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations console in a real browser (Debian's Chromium, headless) against a Payara Micro of its own:
 * schema mode off, the real changelog applied and the test changesets of test-changelogs/ops pending, so the
 * console has something to apply, tag and roll back. Screenshots of each view go to target/console-screenshots.
 */
class ConsoleIT {

    private static final String CHANGELOG = "liquibase/test/ops/ops-master.xml";
    private static final String TEST_ROWS = "SELECT count(*) FROM databasechangelog WHERE filename LIKE 'liquibase/test/%'";

    private static String database;
    private static PayaraMicroProcess payara;
    private static Path screenshots;
    private HeadlessChromium browser;

    @BeforeAll
    static void serverWithTestChangesetsPending() {
        HeadlessChromium.requireInstalled();
        screenshots = Path.of(System.getProperty("narasi.it.projectDir", ".")).resolve("target/console-screenshots");
        database = TestDatabase.createDatabase("console");
        Changelogs.update(database);
        payara = PayaraMicroProcess.start("console", database, Map.of(
                "NARASI_SCHEMA_MODE", "off",
                "NARASI_SCHEMA_CHANGELOG", CHANGELOG,
                "NARASI_ADMIN_EMAIL", SharedServer.ADMIN_EMAIL,
                "NARASI_ADMIN_PASSWORD", SharedServer.ADMIN_PASSWORD,
                "NARASI_AUTH_PBKDF2_ITERATIONS", "20000"), TestWar.withTestChangelogs());
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    @BeforeEach
    void testChangesetsPendingAndAFreshBrowser() {
        TestDatabase.execute(database, "DROP TABLE IF EXISTS ops_irreversible, ops_beta, ops_alpha");
        TestDatabase.execute(database, "DELETE FROM databasechangelog WHERE filename LIKE 'liquibase/test/%'");
        TestDatabase.execute(database, "UPDATE databasechangelog SET tag = NULL WHERE tag IS NOT NULL");
        browser = HeadlessChromium.start(PayaraMicroProcess.workDir(), screenshots);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            try {
                browser.screenshot("last-" + test.getTestMethod().map(Method::getName).orElse("test"));
            } finally {
                browser.close();
            }
        }
    }

    @Test
    void consoleResponsesCarryAStrictContentSecurityPolicyAndNoInlineCode() {
        Api anonymous = new Api(payara.baseUri());
        // (/console without the slash is redirected by the container before any filter runs: a 301 with no content)
        for (String path : List.of("/console/", "/console/index.html", "/console/console.css", "/console/js/app.js",
                "/console/js/views/operations.js", "/console/missing.js")) {
            Api.Response response = anonymous.get(path);
            String policy = response.header("Content-Security-Policy");
            assertNotNull(policy, path + " has a Content-Security-Policy: " + response.headers());
            assertAll(path,
                    () -> assertTrue(policy.contains("script-src 'self'"), policy),
                    () -> assertTrue(policy.contains("style-src 'self'"), policy),
                    () -> assertTrue(policy.contains("frame-ancestors 'none'"), policy),
                    () -> assertTrue(policy.contains("default-src 'none'"), policy),
                    () -> assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy),
                    () -> assertEquals("nosniff", response.header("X-Content-Type-Options")),
                    () -> assertEquals("DENY", response.header("X-Frame-Options")));
        }
        Api.Response page = anonymous.get("/console/");
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.body().contains("<script type=\"module\" src=\"js/app.js\"></script>"), page.body());
        assertFalse(page.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
        assertFalse(page.body().matches("(?s).*(<style|\\sstyle=|\\son[a-z]+=).*"), "no inline style or handler");
        String script = anonymous.get("/console/js/app.js").header("Content-Type");
        assertTrue(script != null && script.contains("javascript"), "modules need a JavaScript type under nosniff: " + script);
    }

    @Test
    void aUserWithoutTheAdminRoleIsRefusedAndKeepsNoSession() {
        Api.User user = new Api(payara.baseUri()).newUser("Console Visitor");
        signIn(user.email(), user.password());

        String refusal = browser.awaitText(By.id("sign-in-message"), "Access refused");
        assertTrue(refusal.contains("not an administrator") && refusal.contains(user.email()), refusal);
        assertFalse(browser.driver().findElement(By.id("nav")).isDisplayed(), "no views for a non-admin");
        assertNull(browser.script("return sessionStorage.getItem('narasi.console.session')"), "nothing kept");
        browser.screenshot("refused-non-admin");
    }

    @Test
    void anAdministratorAppliesTagsAndRollsBackWithAPreviewAndSeesTheAudit() {
        signIn(SharedServer.ADMIN_EMAIL, SharedServer.ADMIN_PASSWORD);

        // Schema: the six pending test changesets with their SQL and lint findings
        browser.awaitText(By.id("pending-title"), "Pending changesets (6)");
        awaitLoaded("schema");
        browser.screenshot("schema");
        WebElement alpha = browser.find(By.cssSelector("[data-changeset='liquibase/test/ops/ops-alpha.sql::ops_alpha::test']"));
        assertTrue(alpha.getText().contains("CREATE TABLE ops_alpha"), alpha.getText());
        assertTrue(alpha.getText().contains("Alpha, the table later changesets change."), alpha.getText());
        assertFalse(alpha.findElements(By.cssSelector(".tok-keyword")).isEmpty(), "SQL highlighted");
        assertTrue(alpha.getText().contains("Lint: no findings"), alpha.getText());
        String irreversible = browser.find(By.cssSelector(
                "[data-changeset='liquibase/test/ops/ops-irreversible.sql::ops_irreversible::test']")).getText();
        assertTrue(irreversible.contains("missing-rollback"), "a lint finding next to its changeset: " + irreversible);
        assertTrue(browser.find(By.id("schema-facts")).getText().contains("off"), "mode shown");
        assertTrue(browser.driver().manage().getCookies().isEmpty(), "the token is never a cookie");

        // Operations: a wrong request shows the API's problem, then apply the next five
        go("operations");
        browser.find(By.id("apply-count")).sendKeys("99");
        browser.find(By.id("apply-button")).click();
        String problem = browser.awaitText(By.cssSelector("#apply-result .problem"), "400");
        assertTrue(problem.contains("count"), "the problem names the field: " + problem);
        browser.find(By.id("apply-count")).clear();
        browser.find(By.id("apply-count")).sendKeys("5");
        browser.find(By.id("apply-button")).click();
        browser.awaitText(By.id("apply-result"), "Applied 5 changesets");
        assertEquals("5", TestDatabase.queryValue(database, TEST_ROWS));

        browser.find(By.id("tag-name")).sendKeys("console-check");
        browser.find(By.id("tag-button")).click();
        browser.awaitText(By.id("tag-result"), "Tagged console-check on liquibase/test/ops/ops-gamma.sql::ops_gamma::test");
        assertEquals("ops_gamma", TestDatabase.queryValue(database, "SELECT id FROM databasechangelog WHERE tag = 'console-check'"));

        // History: the changesets applied through the API have durations, charted, and the tags
        go("history");
        awaitLoaded("history");
        assertEquals(5, browser.driver().findElements(By.cssSelector("#duration-chart .bar rect")).size(), "a bar per timed changeset");
        assertTrue(browser.find(By.id("history-tags")).getText().contains("console-check on ops_gamma"));
        browser.screenshot("history");

        go("operations");
        awaitLoaded("operations");
        browser.find(By.id("rollback-target-tag")).click();
        browser.find(By.id("rollback-tag")).sendKeys("ops-baseline");
        browser.find(By.id("preview-button")).click();
        String preview = browser.awaitText(By.id("rollback-preview"), "Preview: rolling back");
        String losses = browser.find(By.id("data-loss")).getText();
        assertTrue(losses.contains("table ops_beta") && losses.contains("table ops_alpha") && losses.contains("column gamma"), losses);
        assertTrue(preview.contains("DROP TABLE ops_alpha"), preview);
        assertEquals("5", TestDatabase.queryValue(database, TEST_ROWS), "a preview changes nothing");
        browser.screenshot("operations-rollback-preview");

        // the production contexts ask for the password again: a wrong one keeps the preview, changes nothing
        browser.find(By.id("rollback-password")).sendKeys(SharedServer.ADMIN_PASSWORD + "x");
        browser.find(By.id("confirm-rollback")).click();
        browser.awaitText(By.id("rollback-result"), "password is wrong");
        assertEquals("5", TestDatabase.queryValue(database, TEST_ROWS), "a wrong password rolls nothing back");
        browser.find(By.id("rollback-password")).sendKeys(SharedServer.ADMIN_PASSWORD);
        browser.find(By.id("confirm-rollback")).click();
        // Liquibase 4.33 rolls back the tagDatabase changeset that carries the tag too, as the preview listed
        assertTrue(preview.contains("ops-tag-baseline.xml::ops_tag_baseline::test"), preview);
        browser.awaitText(By.id("rollback-result"), "Rolled back 5 changesets");
        assertEquals("0", TestDatabase.queryValue(database, TEST_ROWS), "every test changeset rolled back");
        assertNull(TestDatabase.queryValue(database, "SELECT to_regclass('ops_alpha')"), "ops_alpha dropped");
        String audit = browser.awaitText(By.id("audit-table"), "rollback");
        String newest = browser.find(By.cssSelector("#audit-table tbody tr")).getText();
        assertTrue(newest.contains("rollback") && newest.contains("SUCCEEDED") && newest.contains(SharedServer.ADMIN_EMAIL), newest);
        assertTrue(audit.contains("apply") && audit.contains("tag") && audit.contains("rollback-preview"), audit);
        browser.screenshot("operations");

        // "All pending" is sent as {"all": true}: the API takes no empty body to mean all
        browser.find(By.id("apply-target-all")).click();
        browser.find(By.id("dry-run-button")).click();
        String dryRun = browser.awaitText(By.id("apply-result"), "Dry run (all pending changesets): 6 changesets would run");
        assertTrue(dryRun.contains("CREATE TABLE ops_alpha"), dryRun);

        // Drift: pending changesets are what the live database lacks against the changelog
        go("drift");
        browser.awaitText(By.id("drift-changelog-title"), "Live database against the changelog");
        assertTrue(browser.find(By.id("drift-changelog-table")).getText().contains("ops_alpha"), "ops_alpha missing");
        browser.screenshot("drift");

        go("database");
        awaitLoaded("database");
        String database = browser.find(By.id("view")).getText();
        if (!browser.driver().findElements(By.id("database-unavailable")).isEmpty()) {
            assertTrue(database.contains("Not available on this server"), database);
        } else {
            assertTrue(database.contains("Largest tables"), database);
        }
        browser.screenshot("database");

        List<String> console = browser.consoleMessages();
        assertTrue(console.stream().noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught")),
                "no script or style refused, no script error: " + console);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndSigningOutRevokesTheLogin() {
        signIn(SharedServer.ADMIN_EMAIL, SharedServer.ADMIN_PASSWORD);
        awaitLoaded("schema");
        String before = (String) browser.script("return sessionStorage.getItem('narasi.console.session')");
        // an access token the server no longer accepts, as after its 15 minutes
        browser.script("const s = JSON.parse(sessionStorage.getItem('narasi.console.session'));"
                + "s.accessToken = s.accessToken.slice(0, -8) + 'AAAAAAAA';"
                + "sessionStorage.setItem('narasi.console.session', JSON.stringify(s));");
        browser.driver().navigate().refresh();
        browser.awaitText(By.id("pending-title"), "Pending changesets");
        String after = (String) browser.script("return sessionStorage.getItem('narasi.console.session')");
        String refreshToken = Json.createReader(new java.io.StringReader(after)).readObject().getString("refreshToken");
        assertNotEquals(Json.createReader(new java.io.StringReader(before)).readObject().getString("refreshToken"), refreshToken,
                "the refresh token was spent for new tokens");

        browser.find(By.id("sign-out")).click();
        browser.awaitText(By.id("sign-in-message"), "You are signed out");
        assertNull(browser.script("return sessionStorage.getItem('narasi.console.session')"), "tokens cleared");
        Api.Response refreshed = new Api(payara.baseUri()).post("/api/auth/refresh",
                Json.createObjectBuilder().add("refreshToken", refreshToken).build());
        assertEquals(401, refreshed.status(), "signing out revoked the login: " + refreshed);
        browser.screenshot("signed-out");
    }

    private void signIn(String email, String password) {
        browser.open(payara.baseUri().resolve("/console/").toString());
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("password")).sendKeys(password);
        browser.screenshot("sign-in");
        browser.find(By.id("sign-in-button")).click();
    }

    private void go(String view) {
        browser.find(By.cssSelector("#nav a[data-view='" + view + "']")).click();
        browser.await("view " + view, d -> view.equals(d.findElement(By.id("view")).getAttribute("data-view")));
    }

    private void awaitLoaded(String view) {
        browser.await("view " + view + " loaded", d -> view.equals(d.findElement(By.id("view")).getAttribute("data-loaded")));
    }
}
