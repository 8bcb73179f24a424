package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * PostgreSQL → PostgreSQL by CDC (logical replication, pgoutput) on the packaged platform, one
 * platform for the class. Through the public API: a CDC source on a slot and a publication of two
 * tables, both streams incremental | append + deduped with the source-defined cursor; the first sync
 * copies the tables, the second reads only the changes made since (inserts, updates, deletes, one
 * transaction across both tables) and leaves the destination row for row equal to the source, deleted
 * rows gone, and the slot's confirmed position moved on. In the web UI: the CDC source made through
 * its form (the CDC branch of "Update Method", slot and publication), a connection, two syncs, and the
 * rows deleted in between gone from the destination.
 */
@Timeout(900)
class CdcConnectionIT {

  private static final PostgresTestDatabase DESTINATION = EmbeddedPostgresServer.get().createDatabase();

  @TempDir
  static Path home;

  private static RunningPlatform platform;
  private static final List<CdcSourceDatabase> SOURCES = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "cdc", Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
    SOURCES.forEach(CdcSourceDatabase::dropSlot);
  }

  @Test
  void theSecondSyncReadsOnlyTheChangesAndTheDestinationEndsEqualToTheSource() throws Exception {
    CdcSourceDatabase source = source("cdc_api");
    String sourceId = platform.createSource("shop by cdc", source.sourceConfiguration());
    String destinationId = platform.createPostgresDestination("mart by cdc", DESTINATION, "cdc_api");
    String connectionId = platform.createConnection(sourceId, destinationId, "shop to mart by cdc",
        "[{\"name\":\"customers\",\"syncMode\":\"incremental_deduped_history\"},"
            + "{\"name\":\"orders\",\"syncMode\":\"incremental_deduped_history\"}]");
    JsonNode streams = platform.call("GET", "/connections/" + connectionId, null).get("configurations").get("streams");
    for (JsonNode stream : streams) {
      assertThat(stream.get("cursorField").toString()).as("the source-defined cursor of " + stream).isEqualTo("[\"_ab_cdc_lsn\"]");
    }

    JsonNode first = platform.sync(connectionId);
    assertThat(first.get("status").asText()).as(first + "\n" + platform.log("cdc")).isEqualTo("succeeded");
    assertEqual(source, "cdc_api");

    int changes = change(source);
    long confirmedBefore = source.confirmedFlushLsn();
    JsonNode second = platform.sync(connectionId);
    assertThat(second.get("status").asText()).as(second + "\n" + platform.log("cdc")).isEqualTo("succeeded");
    assertThat(second.get("rowsSynced").asLong()).as("records of the second sync: one per row change, nothing read again")
        .isEqualTo(changes);
    assertEqual(source, "cdc_api");
    try (Connection c = DESTINATION.connection(); Statement s = c.createStatement()) {
      assertThat(ids(s, "SELECT id FROM cdc_api.customers WHERE id IN (11, 39, 40, 51) ORDER BY id")).as("deleted customers")
          .isEmpty();
      assertThat(ids(s, "SELECT id FROM cdc_api.orders WHERE id IN (1, 2, 3, 50, 60) ORDER BY id")).as("deleted orders").isEmpty();
      assertThat(ids(s, "SELECT id FROM cdc_api.orders WHERE id IN (40, 131, 141) AND _ab_cdc_lsn IS NOT NULL"
          + " AND _ab_cdc_updated_at IS NOT NULL AND _ab_cdc_deleted_at IS NULL ORDER BY id"))
          .as("rows the second sync wrote carry their change's LSN and time").containsExactly(40L, 131L, 141L);
    }
    assertThat(source.confirmedFlushLsn()).as("the slot's confirmed_flush_lsn after the second sync against before it")
        .isGreaterThan(confirmedBefore);
  }

  @Test
  void aCdcSourceMadeInTheUiSyncsAndItsDeletesReachTheDestination() throws Exception {
    CdcSourceDatabase source = source("cdc_ui");
    platform.createPostgresDestination("mart for the ui", DESTINATION, "cdc_ui");
    try (HeadlessChromium browser = HeadlessChromium.start(Path.of("target", "screenshots", "cdc"))) {
      try {
        makeAndSyncInTheUi(browser, source);
      } catch (Exception | AssertionError e) {
        browser.screenshot("failure");
        throw e;
      }
    }
    assertThat(CdcSourceDatabase.rows(DESTINATION, "cdc_ui.customers", "customers")).as("customers")
        .isEqualTo(source.rows("customers")).noneMatch(row -> row.startsWith("7|") || row.startsWith("8|"));
    assertThat(CdcSourceDatabase.rows(DESTINATION, "cdc_ui.orders", "orders")).as("orders")
        .isEqualTo(source.rows("orders")).noneMatch(row -> row.startsWith("5|"));
  }

  private void makeAndSyncInTheUi(HeadlessChromium browser, CdcSourceDatabase source) throws Exception {
    PostgresTestDatabase db = source.db();
    browser.open("http://localhost:" + platform.port() + "/sources");
    browser.visible(By.id("password")).sendKeys(RunningPlatform.PASSWORD);
    browser.click(By.cssSelector("button[type=submit]"));
    browser.click(By.xpath("//button[normalize-space(.)='New source']"));
    browser.click(By.cssSelector("[data-connector='Postgres']"));
    browser.replace(By.id("actor-name"), "shop by cdc (ui)");
    browser.replace(By.name("host"), db.host());
    browser.replace(By.name("port"), Integer.toString(db.port()));
    browser.replace(By.name("database"), db.databaseName());
    browser.replace(By.name("username"), db.username());
    browser.replace(By.name("password"), db.password());
    new Select(browser.visible(By.id("field-ssl_mode"))).selectByVisibleText("disable");
    // the CDC branch of "Update Method" (its title, as Airbyte's, names CDC)
    WebElement cdc = browser.visible(By.xpath("//select[@id='field-replication_method']/option[contains(., 'CDC')]"));
    new Select(browser.visible(By.id("field-replication_method"))).selectByValue(cdc.getAttribute("value"));
    browser.replace(By.name("replication_method.replication_slot"), source.slot());
    browser.replace(By.name("replication_method.publication"), source.publication());
    browser.screenshot("cdc-source-form");
    browser.click(By.xpath("//button[normalize-space(.)='Test connection']"));
    browser.visible(By.xpath("//*[@role='status' and contains(., 'Connection test succeeded')]"), Duration.ofSeconds(120));
    browser.click(By.xpath("//button[normalize-space(.)='Set up source']"));
    browser.visible(By.xpath("//h1[normalize-space(.)='Source: shop by cdc (ui)']"));
    browser.screenshot("cdc-source-saved");

    browser.click(By.linkText("Connections"));
    browser.click(By.xpath("//button[normalize-space(.)='New connection']"));
    browser.click(By.cssSelector("[data-actor='shop by cdc (ui)']"));
    browser.click(By.cssSelector("[data-actor='mart for the ui']"));
    for (String table : CdcSourceDatabase.TABLES) {
      WebElement row = browser.visible(By.cssSelector("tr[data-stream='" + table + "']"), Duration.ofSeconds(120));
      WebElement selected = row.findElement(By.cssSelector("input[aria-label='Sync " + table + "']"));
      if (!selected.isSelected()) {
        selected.click();
      }
      new Select(row.findElement(By.cssSelector("select[aria-label='Sync mode of " + table + "']")))
          .selectByValue("incremental_deduped_history");
      assertThat(row.getText()).as("the cursor of " + table + " in CDC").contains("source-defined");
    }
    browser.replace(By.id("connection-name"), "shop to mart by cdc (ui)");
    browser.screenshot("cdc-connection-streams");
    browser.click(By.xpath("//button[normalize-space(.)='Create connection']"));
    browser.visible(By.xpath("//h1[normalize-space(.)='shop to mart by cdc (ui)']"));

    browser.click(By.xpath("//button[normalize-space(.)='Sync now']"));
    succeededJobs(browser, 1);
    browser.screenshot("cdc-first-sync");
    source.db().execute("DELETE FROM customers WHERE id IN (7, 8)", "DELETE FROM orders WHERE id = 5",
        "UPDATE orders SET note = 'changed for the ui' WHERE id = 6",
        "INSERT INTO customers (id, name, tier) VALUES (60, 'new for the ui', 'gold')");
    browser.click(By.xpath("//button[normalize-space(.)='Sync now']"));
    long newest = succeededJobs(browser, 2).stream().mapToLong(job -> Long.parseLong(job.getAttribute("data-job"))).max()
        .orElseThrow();
    browser.screenshot("cdc-second-sync");
    assertThat(browser.visible(By.cssSelector("[data-job='" + newest + "'] .rows")).getText())
        .as("the rows of the second sync: the five changes").isEqualTo("5 rows");
  }

  /** Waits (a sync runs a connector: up to 240 s) until the connection's job list shows {@code count} succeeded jobs. */
  private static List<WebElement> succeededJobs(HeadlessChromium browser, int count) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(240))
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".job.job-succeeded"), count));
  }

  private static CdcSourceDatabase source(String name) throws Exception {
    CdcSourceDatabase source = CdcSourceDatabase.create(name);
    SOURCES.add(source);
    return source;
  }

  /**
   * Inserts, updates and deletes in both tables, one transaction touching both, a row updated then
   * deleted and one inserted then deleted; returns the number of row changes.
   */
  private static int change(CdcSourceDatabase source) throws Exception {
    source.db().execute(
        "INSERT INTO customers (id, name, tier) SELECT i, 'new ' || i, 'basic' FROM generate_series(46, 50) i", // 5
        "UPDATE customers SET tier = 'gold', updated_at = timestamptz '2025-06-01 12:00:00.123456+00' WHERE id IN (2, 4, 6)", // 3
        "DELETE FROM customers WHERE id IN (39, 40)", // 2
        "INSERT INTO orders SELECT i, 46, 19.99, NULL FROM generate_series(131, 140) i", // 10
        "UPDATE orders SET amount = amount + 1 WHERE id % 20 = 0", // 7: 20, 40, …, 140
        "DELETE FROM orders WHERE id IN (1, 2, 3)", // 3
        "UPDATE orders SET note = 'short-lived' WHERE id = 60", "DELETE FROM orders WHERE id = 60", // 2
        "INSERT INTO customers (id, name) VALUES (51, 'short-lived')", "DELETE FROM customers WHERE id = 51"); // 2
    try (Connection c = source.db().connection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("UPDATE customers SET name = 'renamed in a transaction' WHERE id = 10");
      s.execute("DELETE FROM orders WHERE id = 50");
      s.execute("INSERT INTO orders VALUES (141, 10, 9.99, 'in a transaction')");
      s.execute("DELETE FROM customers WHERE id = 11");
      c.commit(); // 4
    }
    return 5 + 3 + 2 + 10 + 7 + 3 + 2 + 2 + 4;
  }

  private static void assertEqual(CdcSourceDatabase source, String schema) throws Exception {
    for (String table : CdcSourceDatabase.TABLES) {
      List<String> destination = CdcSourceDatabase.rows(DESTINATION, schema + "." + table, table);
      assertThat(destination).as(table + " in the destination against the source").isEqualTo(source.rows(table));
    }
  }

  private static List<Long> ids(Statement s, String sql) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
