package io.airbyte.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The metadata database of the standalone platform: a real PostgreSQL (embedded binaries) whose
 * data directory lives under {@code AIRBYTE_HOME/db}, so it survives restarts. It listens on
 * 127.0.0.1 only.
 */
final class EmbeddedMetadataDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedMetadataDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedMetadataDatabase start(Path home) {
    Path data = home.resolve("db");
    try {
      Files.createDirectories(data);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(data)
          .setCleanDataDirectory(false)
          .setPort(freePort())
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("timezone", "UTC")
          .setServerConfig("max_connections", "100")
          .start();
      return new EmbeddedMetadataDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + data, e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
