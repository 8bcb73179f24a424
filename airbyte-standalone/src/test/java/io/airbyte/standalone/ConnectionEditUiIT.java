package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A connection's streams edited after it was created, in headless Chromium against the packaged
 * platform: the connection (made through the API with one stream in full refresh) gets a second
 * stream and incremental dedup with a cursor in its Schema tab, saved; the API then shows the new
 * configuration and a sync writes both streams. The cursor picker never offers the jsonb column;
 * attempts read "Attempt 1" with their number in the log and API beside; {@code /favicon.ico} is served.
 */
@Timeout(600)
class ConnectionEditUiIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final PostgresTestDatabase SOURCE = EmbeddedPostgresServer.get().createDatabase();
  private static final PostgresTestDatabase DESTINATION = EmbeddedPostgresServer.get().createDatabase();

  @TempDir
  Path home;

  private WebDriver browser;
  private WebDriverWait wait;
  private int shot;

  @BeforeEach
  void browser() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "no " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("AIRBYTE_REQUIRE_BROWSER"))) {
        Assertions.fail("AIRBYTE_REQUIRE_BROWSER=true but " + why);
      }
      Assumptions.abort(why + "; set AIRBYTE_REQUIRE_BROWSER=true to make this a failure");
    }
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    SOURCE.execute("DROP TABLE IF EXISTS orders, refunds",
        "CREATE TABLE orders (id int PRIMARY KEY, amount numeric, updated_at timestamptz NOT NULL, doc jsonb)",
        "INSERT INTO orders SELECT i, i * 2.5, timestamptz '2024-01-01' + i * interval '1 minute', jsonb_build_object('i', i)"
            + " FROM generate_series(1, 12) i",
        "CREATE TABLE refunds (id int PRIMARY KEY, order_id int)", "INSERT INTO refunds VALUES (1, 3), (2, 7)");
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void streamsAndSyncModesAreEditedAfterTheConnectionWasCreated() throws Exception {
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "ui-edit", Map.of())) {
      try {
        editAndSync(platform);
      } catch (Exception | AssertionError e) {
        screenshot("edit-failure");
        throw e;
      }
    }
  }

  private void editAndSync(RunningPlatform platform) throws Exception {
    String workspace = platform.defaultWorkspace();
    String sourceId = platform.call("POST", "/sources", "{\"name\":\"shop\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"sourceType\":\"postgres\"," + connection(SOURCE) + ",\"schemas\":[\"public\"]}}")
        .get("sourceId").asText();
    String destinationId = platform.call("POST", "/destinations", "{\"name\":\"mart\",\"workspaceId\":\"" + workspace
        + "\",\"configuration\":{\"destinationType\":\"postgres\"," + connection(DESTINATION) + ",\"schema\":\"mart\"}}")
        .get("destinationId").asText();
    String connectionId = platform.call("POST", "/connections", "{\"sourceId\":\"" + sourceId + "\",\"destinationId\":\""
        + destinationId + "\",\"name\":\"shop to mart\",\"configurations\":{\"streams\":[{\"name\":\"orders\","
        + "\"syncMode\":\"full_refresh_overwrite\"}]}}").get("connectionId").asText();

    browser.get("http://localhost:" + platform.port() + "/connections/" + connectionId);
    visible(By.id("password")).sendKeys(RunningPlatform.PASSWORD);
    click(By.cssSelector("button[type=submit]"));
    visible(By.xpath("//h1[normalize-space(.)='shop to mart']"));
    click(By.xpath("//div[@class='tabs']/button[normalize-space(.)='Schema']"));

    // the connection's streams, as configured: orders selected in full refresh, refunds not selected
    WebElement orders = visible(By.cssSelector("input[aria-label='Sync orders']"));
    WebElement refunds = visible(By.cssSelector("input[aria-label='Sync refunds']"));
    assertThat(orders.isSelected()).isTrue();
    assertThat(refunds.isSelected()).isFalse();
    assertThat(new Select(browser.findElement(By.cssSelector("select[aria-label='Sync mode of orders']")))
        .getFirstSelectedOption().getAttribute("value")).isEqualTo("full_refresh_overwrite");
    screenshot("edit-streams-before");

    refunds.click();
    new Select(browser.findElement(By.cssSelector("select[aria-label='Sync mode of orders']")))
        .selectByValue("incremental_deduped_history");
    Select cursor = new Select(visible(By.cssSelector("select[aria-label='Cursor of orders']")));
    List<String> offered = cursor.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
    assertThat(offered).as("cursor candidates of orders").containsExactlyInAnyOrder("id", "amount", "updated_at")
        .doesNotContain("doc");
    cursor.selectByValue("updated_at");
    screenshot("edit-streams-after");
    click(By.xpath("//button[normalize-space(.)='Save streams']"));
    visible(By.xpath("//*[@role='status' and normalize-space(.)='Streams saved']"));

    JsonNode streams = platform.call("GET", "/connections/" + connectionId, null).get("configurations").get("streams");
    assertThat(StreamSupport.stream(streams.spliterator(), false).map(s -> s.get("name").asText()).toList())
        .containsExactlyInAnyOrder("orders", "refunds");
    JsonNode saved = StreamSupport.stream(streams.spliterator(), false).filter(s -> s.get("name").asText().equals("orders"))
        .findFirst().orElseThrow();
    assertThat(saved.get("syncMode").asText()).isEqualTo("incremental_deduped_history");
    assertThat(saved.get("cursorField").toString()).isEqualTo("[\"updated_at\"]");

    // what was saved is what the next sync does
    click(By.xpath("//div[@class='tabs']/button[normalize-space(.)='Status']"));
    click(By.xpath("//button[normalize-space(.)='Sync now']"));
    WebElement job = new WebDriverWait(browser, Duration.ofSeconds(240)).until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".job.job-succeeded")));
    job.findElement(By.className("job-summary")).click();
    WebElement attempt = visible(By.cssSelector(".attempt-head"));
    assertThat(attempt.getText()).startsWith("Attempt 1").contains("(attempt 0 in the log and API)");
    click(By.xpath("//button[normalize-space(.)='View log']"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='attempt-log']"), "attempt 0"));
    screenshot("edit-synced");
    try (var c = DESTINATION.connection(); var s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM mart.orders")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(12);
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM mart.refunds")) {
        rs.next();
        assertThat(rs.getLong(1)).as("the stream added in the edit is synced").isEqualTo(2);
      }
    }

    HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + platform.port() + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.body()).startsWith(new byte[] {0, 0, 1, 0}); // an ICO file's header
  }

  private static String connection(PostgresTestDatabase db) {
    return "\"host\":\"127.0.0.1\",\"port\":" + db.port() + ",\"database\":\"" + db.databaseName() + "\",\"username\":\""
        + db.username() + "\",\"password\":\"" + db.password() + "\",\"ssl_mode\":{\"mode\":\"disable\"}";
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  private void screenshot(String name) throws Exception {
    if (browser == null) {
      return;
    }
    Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SCREENSHOTS.resolve(String.format("edit-%02d-%s.png", ++shot, name)), StandardCopyOption.REPLACE_EXISTING);
  }
}
