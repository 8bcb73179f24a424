package io.airbyte.standalone;

import com.zaxxer.hikari.HikariDataSource;
import io.airbyte.db.settings.InvalidSettingException;
import io.airbyte.scheduler.TemporalClients;
import io.airbyte.server.AirbyteServerApplication;
import io.airbyte.worker.sync.WorkerProcess;
import io.temporal.client.WorkflowClient;
import io.temporal.testserver.TestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform in one JVM: an embedded PostgreSQL under {@code AIRBYTE_HOME} (default
 * {@code ~/.airbyte}), Temporal's Java test server on a local port, the scheduler and the worker
 * (built-in connectors as local processes, or Docker with {@code AIRBYTE_PROCESS_FACTORY=docker}),
 * and the API server on port 8000 ({@code SERVER_PORT} or {@code --server.port}).
 */
public final class StandaloneApplication {

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneApplication.class);

  private StandaloneApplication() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    StandaloneConfig config;
    try {
      config = StandaloneConfig.fromEnvironment(System.getenv());
    } catch (InvalidSettingException e) {
      LOG.error(e.getMessage());
      System.exit(1);
      return;
    }
    Path home = config.home();
    try {
      PlatformLock.acquire(home); // before anything starts: one platform per home
    } catch (PlatformLock.HomeInUseException e) {
      LOG.error(e.getMessage());
      System.exit(1);
    }

    EmbeddedMetadataDatabase database = EmbeddedMetadataDatabase.start(home);
    HikariDataSource dataSource = MetadataPool.create(database.jdbcUrl(), config.worker().maxConcurrentSyncs());

    int temporalPort = EmbeddedMetadataDatabase.freePort();
    // in real time (time skipping locked): a skipping server jumps to the next timer whenever nothing
    // runs, which made schedules and retry backoffs fire back to back
    var temporal = TestServer.createPortBoundServer(temporalPort, true);
    LOG.info("Temporal's test server on 127.0.0.1:{}, in real time", temporalPort);
    StandaloneConfig platform = config.withTemporal("127.0.0.1:" + temporalPort);
    WorkflowClient client = TemporalClients.create(platform.worker().temporal());

    BuiltInJars.unpack(home);
    // migrates the metadata database, as the scheduler it embeds does; the server need not again
    WorkerProcess worker = WorkerProcess.start(dataSource, client, platform.worker());

    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", database.jdbcUrl());
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "");
    properties.put("spring.flyway.enabled", "false");
    ConfigurableApplicationContext server = new SpringApplicationBuilder(AirbyteServerApplication.class)
        .initializers(context -> {
          // above application.properties, below command-line arguments such as --server.port
          var sources = context.getEnvironment().getPropertySources();
          var standalone = new org.springframework.core.env.MapPropertySource("standalone", properties);
          if (sources.contains("commandLineArgs")) {
            sources.addAfter("commandLineArgs", standalone);
          } else {
            sources.addFirst(standalone);
          }
          context.getBeanFactory().registerSingleton("serverConfig", platform.server());
          context.getBeanFactory().registerSingleton("workflowClient", client);
        })
        .run(args);

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping the platform");
      server.close();
      worker.close();
      temporal.close();
      dataSource.close();
      try {
        database.close();
      } catch (Exception e) {
        LOG.warn("Stopping the embedded PostgreSQL: {}", e.toString());
      }
    }, "shutdown"));
    String port = server.getEnvironment().getProperty("local.server.port");
    LOG.info("The platform is ready on http://localhost:{} (home {}) after {} ms", port, home,
        (System.nanoTime() - started) / 1_000_000);
  }
}
