package id.narasiahli.testsupport.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's Chromium, headless, through Debian's chromedriver. Both paths are given to Selenium, so Selenium
 * Manager never looks for (or downloads) a browser or a driver. Flags as in RECIPES.md: without the
 * background-networking ones Chromium's own outgoing connections fail in bulk on machines without internet.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of(System.getProperty("narasi.it.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("narasi.it.chromedriver", "/usr/bin/chromedriver"));
    /** Generous: the machines that run the suite are shared and slow. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Fails, saying what to install, when the browser or its driver is missing: never a silent skip. */
    public static void requireInstalled() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("The browser tests need Debian's Chromium and its driver at " + BROWSER + " and " + DRIVER
                    + ": run `apt-get update && apt-get install -y chromium chromium-driver` (.ci/run does this)");
        }
    }

    /** A fresh browser with an empty profile, at a laptop's window size; screenshots go to {@code screenshots}. */
    public static HeadlessChromium start(Path workDir, Path screenshots) {
        requireInstalled();
        try {
            Path profile = Files.createTempDirectory(Files.createDirectories(workDir), "chromium-profile-");
            Files.createDirectories(screenshots);
            System.setProperty("webdriver.chrome.driver", DRIVER.toString());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(workDir.resolve("chromedriver.log").toFile())
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=en-US",
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            return new HeadlessChromium(new ChromeDriver(service, options), profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public <T> T await(String what, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
    }

    /** Waits until the element's text contains {@code text}, and returns that text. */
    public String awaitText(By locator, String text) {
        await("text '" + text + "' in " + locator, d -> {
            List<WebElement> found = d.findElements(locator);
            return !found.isEmpty() && found.get(0).isDisplayed() && found.get(0).getText().contains(text);
        });
        return driver.findElement(locator).getText();
    }

    public WebElement find(By locator) {
        return await("element " + locator, d -> {
            List<WebElement> found = d.findElements(locator);
            return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
        });
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The whole page, not only the window, as PNG under the screenshot folder; returns its path. */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** What the page logged to its console since the last call (errors, CSP violations). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover profile under target/ is harmless
        }
    }
}
