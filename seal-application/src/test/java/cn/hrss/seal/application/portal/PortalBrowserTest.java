package cn.hrss.seal.application.portal;

import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * End to end: Debian's headless Chromium (installed by scripts/setup-machine.sh) uploads sealed documents to the
 * running portal (node on H2) on a phone-sized and a desktop-sized window and reads the report. Screenshots go to
 * {@code target/portal-screenshots/}. Fails, never skips, when Chromium or its driver is missing.
 */
class PortalBrowserTest extends PortalTestBase {
    static final TestDatabase DB = TestDatabase.h2();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");

    private Path profile;
    private Path uploads;
    private ChromeDriver browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        database(r, DB);
    }

    @BeforeEach
    void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(CHROMIUM + " or " + CHROMEDRIVER + " is missing: run scripts/setup-machine.sh (it installs Debian's "
                    + "chromium and chromium-driver) before this test");
        }
        profile = Files.createTempDirectory("portal-chromium");
        uploads = Files.createTempDirectory("portal-uploads");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        for (Path dir : new Path[]{profile, uploads}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @Test
    void phoneUploadsASignedPdfAndSeesItPassWithTheSeal() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        WebElement verdict = upload("/verify", documents.signedPdf(), "contract.pdf");

        assertThat(verdict.getText()).isEqualTo("通过");
        assertThat(browser.findElement(By.cssSelector(".seal-name")).getText())
                .isEqualTo(PortalTestApplication.SEAL_NAME);
        WebElement picture = browser.findElement(By.cssSelector(".picture img"));
        assertThat(picture.isDisplayed()).isTrue();
        // the picture really decoded (a broken data: URI has no natural width)
        assertThat(Long.parseLong(picture.getDomProperty("naturalWidth"))).isPositive();
        // fits the phone: nothing wider than the window
        assertThat(Long.parseLong(String.valueOf(browser.executeScript(
                "return document.documentElement.scrollWidth")))).isLessThanOrEqualTo(390);
        screenshot("phone-pdf-passed");
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector(".seal")));
        screenshot("phone-pdf-passed-seal");
    }

    @Test
    void desktopUploadsATamperedPdfInEnglishAndSeesItFail() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        WebElement verdict = upload("/verify?lang=en", documents.tamperedPdf(), "contract.pdf");

        assertThat(verdict.getText()).isEqualTo("FAILED");
        assertThat(browser.findElement(By.cssSelector(".seal-name")).getText())
                .isEqualTo(PortalTestApplication.SEAL_NAME);
        assertThat(browser.findElement(By.id("report")).getText()).contains("Document integrity");
        screenshot("desktop-pdf-tampered-en");
    }

    @Test
    void phoneUploadOfANonDocumentShowsTheMessage() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base() + "/verify");
        Path file = uploads.resolve("notes.pdf");
        Files.writeString(file, "just some text");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("submit")).click();

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).contains("只能验证 PDF 或 OFD 文件");
        screenshot("phone-wrong-type");
    }

    /** Opens the form, chooses the file, submits and waits for the verdict. */
    private WebElement upload(String path, byte[] document, String name) throws IOException {
        browser.get(base() + path);
        Path file = uploads.resolve(name);
        Files.write(file, document);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
        return new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict-text")));
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
