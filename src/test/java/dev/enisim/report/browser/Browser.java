package dev.enisim.report.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian chromium driven through Debian's chromedriver, both at fixed paths (installed by .ci/run):
 * nothing is downloaded at test time, so Selenium Manager never runs (the driver and the browser are given
 * explicitly), and each browser starts from a fresh, empty profile with its network chatter switched off.
 *
 * <p>A test class registers one ({@code @RegisterExtension static final Browser browser = new Browser(w, h)}): it
 * starts before the class's tests (and its {@code @BeforeAll} methods) and quits after them.
 */
final class Browser implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static {
        // Selenium looks for DevTools bindings matching the browser's version; none are used here
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    }

    private final int width;
    private final int height;
    ChromeDriver driver;
    private Path profile;

    /** A browser window of {@code width} x {@code height} CSS pixels, started by {@link #beforeAll}. */
    Browser(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    private void start() throws IOException {
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(exe))) {
                throw new IllegalStateException(exe + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install -y chromium chromium-driver, as .ci/run does)");
            }
        }
        profile = Files.createTempDirectory("enisim-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Emulates a phone's screen, {@code width} x {@code height} CSS pixels, mobile, at scale 1, until {@link #unemulate}:
     * the window itself keeps its size, so a page sees a phone's viewport and its media queries.
     */
    void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height",
                height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Ends {@link #emulatePhone}: the page sees the window's own size again. */
    void unemulate() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    void open(Path file) {
        driver.get(file.toAbsolutePath().toUri().toString());
    }

    /** Console messages at SEVERE level (errors, uncaught exceptions, failed loads). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** A full-page screenshot into target/screenshots/NAME.png (the page's whole height, not just the window). */
    Path screenshot(String name) throws IOException {
        return tall(() -> ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES), name);
    }

    /** One element of the page (a section, a chart), as it is drawn, whole even when taller than the window. */
    Path elementShot(String cssSelector, String name) throws IOException {
        return tall(() -> driver.findElement(org.openqa.selenium.By.cssSelector(cssSelector))
                .getScreenshotAs(OutputType.BYTES), name);
    }

    private Path tall(java.util.function.Supplier<byte[]> shot, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Object h = driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        Dimension before = driver.manage().window().getSize();
        int height = Math.min(16_000, Math.max(before.getHeight(), ((Number) h).intValue()));
        driver.manage().window().setSize(new Dimension(before.getWidth(), height));
        try {
            Path out = SCREENSHOTS.resolve(name + ".png");
            Files.write(out, shot.get());
            return out;
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** The visible window only (for a view scrolled to an element). */
    Path windowShot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path out = SCREENSHOTS.resolve(name + ".png");
        Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return out;
    }

    @Override
    public void close() throws IOException {
        if (driver == null) {
            return; // never started: chromium missing, say
        }
        try {
            driver.quit();
            driver = null;
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
