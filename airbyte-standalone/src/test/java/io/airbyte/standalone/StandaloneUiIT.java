package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.testsupport.python.PythonPins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
 * The UI end to end in headless Chromium against the packaged platform: sign in, create a
 * PostgreSQL source and destination through the forms their specs generate, create a connection
 * with one stream in incremental dedup, sync now, see the job succeed with its row count, open its
 * log; add Airbyte's source-faker from PyPI as a custom connector. Screenshots of each screen land in {@code target/screenshots}.
 */
@Timeout(600)
class StandaloneUiIT {

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

  /** The screenshots of an earlier run go; each test's have names of their own. */
  @BeforeAll
  static void screenshots() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    try (var old = Files.list(SCREENSHOTS)) {
      for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
        Files.delete(png);
      }
    }
  }

  @BeforeEach
  void browser() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "no " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("AIRBYTE_REQUIRE_BROWSER"))) {
        Assertions.fail("AIRBYTE_REQUIRE_BROWSER=true but " + why);
      }
      Assumptions.abort(why + "; set AIRBYTE_REQUIRE_BROWSER=true to make this a failure");
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    SOURCE.execute("DROP TABLE IF EXISTS customers, audit_log", "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, updated_at timestamptz NOT NULL)",
        "INSERT INTO customers SELECT i, 'customer ' || i, now() - i * interval '1 minute' FROM generate_series(1, 25) i",
        "CREATE TABLE audit_log (id bigint, note text)", "INSERT INTO audit_log VALUES (1, 'not synced')");
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void signInConfigureSyncAndReadTheLog() throws Exception {
    try {
      walkThrough();
    } catch (Exception | AssertionError e) {
      screenshot("failure");
      throw e;
    }
  }

  private void walkThrough() throws Exception {
    // Python packages install into the tests' shared cache of environments
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "ui",
        Map.of("AIRBYTE_PYTHON_ENVIRONMENTS_DIR", PythonPins.CACHE.toString()))) {
      browser.get("http://localhost:" + platform.port() + "/connections");
      type(By.id("password"), RunningPlatform.PASSWORD);
      screenshot("sign-in");
      click(By.cssSelector("button[type=submit]"));
      visible(By.xpath("//h3[normalize-space(.)='No connections yet']"));
      screenshot("connections-empty");

      setUpPostgres("Sources", "source", SOURCE, Map.of());
      // an edit of the saved source is tested before it is saved (the password stays masked)
      WebElement port = visible(By.name("port"));
      port.clear();
      port.sendKeys("1");
      click(By.xpath("//button[normalize-space(.)='Test connection']"));
      visible(By.xpath("//*[@role='status' and contains(., 'Connection test failed')]"));
      port.clear();
      port.sendKeys(Integer.toString(SOURCE.port()));
      click(By.xpath("//button[normalize-space(.)='Test connection']"));
      visible(By.xpath("//*[@role='status' and contains(., 'Connection test succeeded')]"));
      screenshot("source-edit-tested");
      setUpPostgres("Destinations", "destination", DESTINATION, Map.of("schema", "warehouse"));

      click(By.linkText("Connections"));
      click(By.xpath("//button[normalize-space(.)='New connection']"));
      click(By.cssSelector("[data-actor='Postgres']"));
      click(By.cssSelector("[data-actor='Postgres']"));
      visible(By.cssSelector("tr[data-stream='customers']"));
      WebElement audit = browser.findElement(By.cssSelector("input[aria-label='Sync audit_log']"));
      if (audit.isSelected()) {
        audit.click();
      }
      new Select(browser.findElement(By.cssSelector("select[aria-label='Sync mode of customers']")))
          .selectByValue("incremental_deduped_history");
      new Select(visible(By.cssSelector("select[aria-label='Cursor of customers']"))).selectByValue("updated_at");
      WebElement name = browser.findElement(By.id("connection-name"));
      name.clear();
      name.sendKeys("customers to warehouse");
      screenshot("connection-streams");
      click(By.xpath("//button[normalize-space(.)='Create connection']"));
      visible(By.xpath("//h1[normalize-space(.)='customers to warehouse']"));
      screenshot("connection-new");

      click(By.xpath("//button[normalize-space(.)='Sync now']"));
      WebElement job = new WebDriverWait(browser, Duration.ofSeconds(240)).until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".job.job-succeeded")));
      assertThat(job.findElement(By.className("rows")).getText()).isEqualTo("25 rows");
      screenshot("connection-synced");
      job.findElement(By.className("job-summary")).click();
      click(By.xpath("//button[normalize-space(.)='View log']"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='attempt-log']"),
          "Replication completed"));
      screenshot("attempt-log");

      click(By.linkText("Connections"));
      visible(By.cssSelector("tr[data-connection='customers to warehouse'] .badge-succeeded"));
      screenshot("connections-list");
      click(By.linkText("Settings"));
      visible(By.xpath("//h3[normalize-space(.)='Applications']"));
      screenshot("settings");

      // Airbyte's source-faker from PyPI becomes a custom connector with the spec it gives
      new Select(visible(By.id("def-runs-as"))).selectByValue("python_package");
      type(By.id("def-name"), "Faker from PyPI");
      type(By.id("def-package"), "airbyte-source-faker");
      type(By.id("def-version"), PythonPins.version("airbyte-source-faker"));
      click(By.xpath("//button[normalize-space(.)='Add connector']"));
      new WebDriverWait(browser, Duration.ofSeconds(300)).until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//tr[td[normalize-space(.)='Faker from PyPI']]/td[normalize-space(.)='airbyte-source-faker (PyPI)']")));
      screenshot("settings-python-connector");
    }
    try (var c = DESTINATION.connection();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM warehouse.customers")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(25);
    }
  }

  /**
   * A low-code source: the manifest of the tests uploaded as YAML, a test read of its stream against
   * an HTTP API the test serves (records and pages with their requests), saved; then a source of it
   * set up through the form its spec generates (the API key a password field), tested and saved.
   */
  @Test
  void aLowCodeSourceFromAnUploadedManifestIsTestReadSavedAndSetUp() throws Exception {
    try (io.airbyte.testsupport.http.ItemsApi api = io.airbyte.testsupport.http.ItemsApi.start("ui-key");
        RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "ui-low-code",
            Map.of("AIRBYTE_PYTHON_ENVIRONMENTS_DIR", io.airbyte.testsupport.python.PythonPins.CACHE.toString()))) {
      api.addItems(1, 25, java.time.Instant.parse("2024-01-01T00:00:00Z"));
      Path yaml = home.resolve("items.yaml");
      try (var in = StandaloneUiIT.class.getResourceAsStream("/manifests/items.yaml")) {
        Files.copy(in, yaml);
      }
      browser.get("http://localhost:" + platform.port() + "/sources");
      type(By.id("password"), RunningPlatform.PASSWORD);
      click(By.cssSelector("button[type=submit]"));
      click(By.xpath("//button[normalize-space(.)='New low-code source']"));
      browser.findElement(By.id("lc-file")).sendKeys(yaml.toAbsolutePath().toString());
      visible(By.xpath("//*[contains(., '1 stream: items')]"));
      WebElement name = visible(By.id("lc-name"));
      name.clear();
      name.sendKeys("Items API");
      type(By.name("base_url"), api.baseUrl());
      assertThat(visible(By.name("api_key")).getAttribute("type")).isEqualTo("password");
      type(By.name("api_key"), "ui-key");
      type(By.name("start_date"), "2024-01-01T00:00:00Z");
      WebElement limit = visible(By.id("lc-limit"));
      limit.clear();
      limit.sendKeys("12");
      click(By.xpath("//button[normalize-space(.)='Test read']"));
      new WebDriverWait(browser, Duration.ofSeconds(180)).until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//*[@data-testid='stream-read']//p[contains(., '12 records in 2 pages')]")));
      assertThat(browser.findElement(By.cssSelector("table[aria-label='Records']")).getText()).contains("item 12");
      screenshot("lc-records");
      click(By.xpath("//button[starts-with(normalize-space(.), 'Pages')]"));
      assertThat(visible(By.cssSelector("pre[aria-label='Request']")).getText()).contains("/items?").contains("X-API-Key: ****");
      screenshot("lc-pages");
      click(By.xpath("//button[normalize-space(.)='Save connector']"));
      visible(By.xpath("//*[@role='status' and contains(., 'Saved Items API (version 1)')]"));
      screenshot("lc-saved");

      click(By.linkText("Set up a source with it"));
      click(By.cssSelector("[data-connector='Items API']"));
      type(By.name("base_url"), api.baseUrl());
      assertThat(visible(By.name("api_key")).getAttribute("type")).isEqualTo("password");
      type(By.name("api_key"), "ui-key");
      type(By.name("start_date"), "2024-01-01T00:00:00Z");
      click(By.xpath("//button[normalize-space(.)='Test connection']"));
      new WebDriverWait(browser, Duration.ofSeconds(180)).until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//*[@role='status' and contains(., 'Connection test succeeded')]")));
      click(By.xpath("//button[normalize-space(.)='Set up source']"));
      visible(By.xpath("//h1[starts-with(., 'Source: ')]"));
      screenshot("lc-source");
      assertThat(api.requests()).isNotEmpty().allMatch(io.airbyte.testsupport.http.ItemsApi.Request::authorized);
    } catch (Exception | AssertionError e) {
      screenshot("lc-failure");
      throw e;
    }
  }

  /** Through the connector catalog and the form the spec generates, tested, then saved. */
  private void setUpPostgres(String section, String kind, PostgresTestDatabase db, Map<String, String> more) throws Exception {
    click(By.linkText(section));
    click(By.xpath("//button[normalize-space(.)='New " + kind + "']"));
    visible(By.xpath("//h3[normalize-space(.)='Built-in connectors']"));
    screenshot(kind + "-catalog");
    click(By.cssSelector("[data-connector='Postgres']"));
    fillPostgres(db);
    for (var field : more.entrySet()) {
      WebElement input = visible(By.name(field.getKey()));
      input.clear();
      input.sendKeys(field.getValue());
    }
    screenshot(kind + "-form");
    click(By.xpath("//button[normalize-space(.)='Test connection']"));
    visible(By.xpath("//*[@role='status' and contains(., 'Connection test succeeded')]"));
    screenshot(kind + "-tested");
    click(By.xpath("//button[normalize-space(.)='Set up " + kind + "']"));
    visible(By.xpath("//h1[starts-with(., '" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + ": ')]"));
  }

  private void fillPostgres(PostgresTestDatabase db) {
    type(By.name("host"), db.host());
    WebElement port = visible(By.name("port"));
    port.clear();
    port.sendKeys(Integer.toString(db.port()));
    type(By.name("database"), db.databaseName());
    type(By.name("username"), db.username());
    type(By.name("password"), db.password());
    new Select(visible(By.id("field-ssl_mode"))).selectByVisibleText("disable");
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  private void type(By by, String text) {
    visible(by).sendKeys(text);
  }

  private void screenshot(String name) throws Exception {
    Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name)), StandardCopyOption.REPLACE_EXISTING);
  }
}
