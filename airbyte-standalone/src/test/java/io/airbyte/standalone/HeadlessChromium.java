package io.airbyte.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium, headless, driven through its chromedriver, with the waits a UI test
 * needs and numbered screenshots into a directory of its own ({@code 01-sign-in.png}, …). Without
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the test is skipped, or fails when
 * {@code AIRBYTE_REQUIRE_BROWSER=true}.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path screenshots;
  private int shot;

  private HeadlessChromium(WebDriver driver, Path screenshots) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    this.screenshots = screenshots;
  }

  /** Starts the browser; the screenshots of an earlier run in {@code screenshots} go. */
  static HeadlessChromium start(Path screenshots) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "no " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("AIRBYTE_REQUIRE_BROWSER"))) {
        Assertions.fail("AIRBYTE_REQUIRE_BROWSER=true but " + why);
      }
      Assumptions.abort(why + "; set AIRBYTE_REQUIRE_BROWSER=true to make this a failure");
    }
    Files.createDirectories(screenshots);
    try (var old = Files.list(screenshots)) {
      for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
        Files.delete(png);
      }
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1700");
    WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
        options);
    return new HeadlessChromium(driver, screenshots);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits up to {@code timeout} (for what runs a connector: a check, a sync). */
  WebElement visible(By by, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  /** Types into the field after clearing what it holds (a default, an earlier value). */
  void replace(By by, String text) {
    WebElement field = visible(by);
    field.clear();
    field.sendKeys(text);
  }

  /** Saves what the browser shows as {@code NN-name.png}; returns the file. */
  Path screenshot(String name) throws IOException {
    Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Path target = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
