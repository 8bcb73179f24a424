package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.testsupport.snowflake.FakesnowServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tutorial the platform grew from, as a user clicks through it in headless Chromium on the
 * packaged platform: a PostgreSQL source (two tables with a primary key and an {@code updated_at}
 * cursor) and a Snowflake destination (the fakesnow emulator, TLS off) set up through the forms
 * their specs generate and tested there, a connection of both streams in Incremental | Append +
 * Deduped, a sync; the emulator's tables then hold exactly the source's rows (read with the
 * Snowflake JDBC driver). A row changed and a row added in the source, a second sync leaves each
 * primary key once, with its new values. Screenshots of each screen land in
 * {@code target/screenshots/tutorial}.
 */
@Timeout(600)
class SnowflakeTutorialUiIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots", "tutorial");
  private static final Duration CONNECTOR_RUN = Duration.ofSeconds(180);
  private static final String CUSTOMERS = "SELECT id, name, email, updated_at FROM customers ORDER BY id";
  private static final String ORDERS = "SELECT id, customer_id, amount, status, placed_on, updated_at FROM orders ORDER BY id";

  private final PostgresTestDatabase shop = EmbeddedPostgresServer.get().createDatabase();
  private final FakesnowServer snowflake = FakesnowServer.get();
  private final String database = "TUTORIAL_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();

  @TempDir
  Path home;

  @Test
  void postgresToSnowflakeInIncrementalDedupThroughTheUi() throws Exception {
    shop.execute(
        "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, email text, updated_at timestamptz NOT NULL)",
        "INSERT INTO customers SELECT i, 'customer ' || i, CASE WHEN i % 5 = 0 THEN NULL ELSE 'c' || i || '@example.com' END,"
            + " timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute' FROM generate_series(1, 20) i",
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, amount numeric(10,2) NOT NULL, status text NOT NULL,"
            + " placed_on date NOT NULL, updated_at timestamptz NOT NULL)",
        "INSERT INTO orders SELECT i, 1 + i % 20, i * 10.25, 'placed', date '2024-01-01' + i,"
            + " timestamptz '2024-01-02 00:00:00+00' + i * interval '1 second' FROM generate_series(1, 50) i");
    // what a Snowflake administrator prepares before the tutorial: the database and the schema
    try (Connection c = snowflake(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
      s.execute("CREATE SCHEMA " + database + ".AIRBYTE_SCHEMA");
    }

    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "tutorial", Map.of());
        HeadlessChromium browser = HeadlessChromium.start(SCREENSHOTS)) {
      try {
        walkThrough(platform, browser);
      } catch (Exception | AssertionError e) {
        browser.screenshot("failure");
        throw new AssertionError(e.getMessage() + "\nfakesnow's log:\n" + tail(snowflake.log()), e);
      }
    }
  }

  private void walkThrough(RunningPlatform platform, HeadlessChromium browser) throws Exception {
    browser.open("http://localhost:" + platform.port() + "/connections");
    browser.visible(By.id("password")).sendKeys(RunningPlatform.PASSWORD);
    browser.screenshot("sign-in");
    browser.click(By.cssSelector("button[type=submit]"));
    browser.visible(By.xpath("//h3[normalize-space(.)='No connections yet']"));

    // the source: PostgreSQL
    browser.click(By.linkText("Sources"));
    browser.click(By.xpath("//button[normalize-space(.)='New source']"));
    browser.click(By.cssSelector("[data-connector='Postgres']"));
    browser.replace(By.id("actor-name"), "Shop");
    browser.visible(By.name("host")).sendKeys(shop.host());
    browser.replace(By.name("port"), Integer.toString(shop.port()));
    browser.visible(By.name("database")).sendKeys(shop.databaseName());
    browser.visible(By.name("username")).sendKeys(shop.username());
    browser.visible(By.name("password")).sendKeys(shop.password());
    new Select(browser.visible(By.id("field-ssl_mode"))).selectByVisibleText("disable");
    browser.screenshot("source-form");
    testConnection(browser, "source-tested");
    browser.click(By.xpath("//button[normalize-space(.)='Set up source']"));
    browser.visible(By.xpath("//h1[normalize-space(.)='Source: Shop']"));

    // the destination: Snowflake, from the built-in catalog
    browser.click(By.linkText("Destinations"));
    browser.click(By.xpath("//button[normalize-space(.)='New destination']"));
    browser.visible(By.cssSelector("[data-connector='Snowflake']"));
    browser.screenshot("destination-catalog");
    browser.click(By.cssSelector("[data-connector='Snowflake']"));
    browser.replace(By.id("actor-name"), "Snowflake warehouse");
    browser.visible(By.name("host")).sendKeys(snowflake.hostAndPort());
    browser.visible(By.name("role")).sendKeys("AIRBYTE_ROLE");
    browser.visible(By.name("warehouse")).sendKeys("AIRBYTE_WAREHOUSE");
    browser.visible(By.name("database")).sendKeys(database);
    browser.visible(By.name("schema")).sendKeys("AIRBYTE_SCHEMA");
    browser.visible(By.name("username")).sendKeys("AIRBYTE_USER");
    new Select(browser.visible(By.id("field-credentials"))).selectByVisibleText("Username and Password");
    WebElement password = browser.visible(By.name("credentials.password"));
    assertThat(password.getAttribute("type")).isEqualTo("password");
    password.sendKeys("tutorial-pw");
    // the emulator speaks plain HTTP
    browser.visible(By.name("jdbc_url_params")).sendKeys("ssl=off");
    browser.screenshot("destination-form");
    testConnection(browser, "destination-tested");
    browser.click(By.xpath("//button[normalize-space(.)='Set up destination']"));
    browser.visible(By.xpath("//h1[normalize-space(.)='Destination: Snowflake warehouse']"));

    // the connection: both tables in Incremental | Append + Deduped on updated_at
    browser.click(By.linkText("Connections"));
    browser.click(By.xpath("//button[normalize-space(.)='New connection']"));
    browser.click(By.cssSelector("[data-actor='Shop']"));
    browser.click(By.cssSelector("[data-actor='Snowflake warehouse']"));
    for (String stream : List.of("customers", "orders")) {
      browser.visible(By.cssSelector("tr[data-stream='" + stream + "']"));
      assertThat(browser.driver().findElement(By.cssSelector("input[aria-label='Sync " + stream + "']")).isSelected()).isTrue();
      new Select(browser.driver().findElement(By.cssSelector("select[aria-label='Sync mode of " + stream + "']")))
          .selectByValue("incremental_deduped_history");
      new Select(browser.visible(By.cssSelector("select[aria-label='Cursor of " + stream + "']"))).selectByValue("updated_at");
      // the primary key comes from the table
      assertThat(browser.driver().findElement(By.cssSelector("tr[data-stream='" + stream + "']")).getText()).contains("id");
    }
    browser.replace(By.id("connection-name"), "Shop to Snowflake");
    browser.screenshot("connection-streams");
    browser.click(By.xpath("//button[normalize-space(.)='Create connection']"));
    browser.visible(By.xpath("//h1[normalize-space(.)='Shop to Snowflake']"));
    browser.screenshot("connection-created");

    syncNow(browser, 1);
    WebElement first = browser.driver().findElement(By.cssSelector(".job.job-succeeded"));
    assertThat(first.findElement(By.className("rows")).getText()).isEqualTo("70 rows");
    browser.screenshot("first-sync-succeeded");
    assertSameRows();

    // a changed customer, a changed order and a new customer
    shop.execute("UPDATE customers SET email = 'new-3@example.com', updated_at = timestamptz '2024-03-01 00:00:00+00' WHERE id = 3",
        "UPDATE orders SET status = 'shipped', amount = 99.99, updated_at = timestamptz '2024-03-01 00:00:00+00' WHERE id = 7",
        "INSERT INTO customers VALUES (21, 'customer 21', NULL, timestamptz '2024-03-01 00:00:01+00')");
    syncNow(browser, 2);
    browser.screenshot("second-sync-succeeded");
    assertSameRows();
    assertThat(snowflakeRows("SELECT ID, EMAIL FROM " + database + ".AIRBYTE_SCHEMA.CUSTOMERS WHERE ID = 3"))
        .containsExactly(List.of("3", "new-3@example.com"));
    assertThat(snowflakeRows("SELECT ID, STATUS, AMOUNT FROM " + database + ".AIRBYTE_SCHEMA.ORDERS WHERE ID = 7"))
        .containsExactly(List.of("7", "shipped", "99.99"));

    browser.click(By.linkText("Connections"));
    browser.visible(By.cssSelector("tr[data-connection='Shop to Snowflake'] .badge-succeeded"));
    browser.screenshot("connections-list");
  }

  private static void testConnection(HeadlessChromium browser, String screenshot) throws Exception {
    browser.click(By.xpath("//button[normalize-space(.)='Test connection']"));
    WebElement status = browser.visible(By.xpath("//*[@role='status' and contains(., 'Connection test')]"), CONNECTOR_RUN);
    assertThat(status.getText()).isEqualTo("Connection test succeeded");
    browser.screenshot(screenshot);
  }

  /** Presses "Sync now" and waits until the connection shows {@code succeeded} jobs. */
  private static void syncNow(HeadlessChromium browser, int succeeded) {
    browser.click(By.xpath("//button[normalize-space(.)='Sync now']"));
    new WebDriverWait(browser.driver(), CONNECTOR_RUN).until(ExpectedConditions.or(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector(".job.job-succeeded"), succeeded),
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job.job-failed"))));
    assertThat(browser.driver().findElements(By.cssSelector(".job.job-failed"))).as("a failed sync").isEmpty();
  }

  /** Every row of the source, value for value, and no other, in the emulator's typed tables. */
  private void assertSameRows() throws SQLException {
    String schema = database + ".AIRBYTE_SCHEMA.";
    assertThat(snowflakeRows("SELECT ID, NAME, EMAIL, UPDATED_AT FROM " + schema + "CUSTOMERS ORDER BY ID"))
        .hasSizeGreaterThan(0).isEqualTo(shopRows(CUSTOMERS));
    assertThat(snowflakeRows("SELECT ID, CUSTOMER_ID, AMOUNT, STATUS, PLACED_ON, UPDATED_AT FROM " + schema + "ORDERS ORDER BY ID"))
        .hasSizeGreaterThan(0).isEqualTo(shopRows(ORDERS));
    assertThat(snowflakeRows("SELECT count(*) FROM " + schema + "CUSTOMERS WHERE _AIRBYTE_RAW_ID IS NULL"
        + " OR _AIRBYTE_EXTRACTED_AT IS NULL OR _AIRBYTE_META IS NULL")).containsExactly(List.of("0"));
  }

  private List<List<String>> shopRows(String sql) throws SQLException {
    try (Connection c = shop.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  private List<List<String>> snowflakeRows(String sql) throws SQLException {
    try (Connection c = snowflake(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  /** Values in one notation for both databases: numbers without trailing zeros, instants in UTC, dates as ISO dates. */
  private static List<List<String>> rows(ResultSet rs) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= columns; i++) {
        row.add(text(rs, i));
      }
      rows.add(row);
    }
    return rows;
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    } else if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    } else if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    } else if (value instanceof OffsetDateTime t) {
      return t.toInstant().toString();
    } else if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    return value.toString();
  }

  private Connection snowflake() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "AIRBYTE_USER");
    p.setProperty("password", "tutorial-pw");
    p.setProperty("ssl", "off");
    p.setProperty("disablePlatformDetection", "true");
    return DriverManager.getConnection("jdbc:snowflake://" + snowflake.hostAndPort() + "/", p);
  }

  private static String tail(String log) {
    return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
  }
}
