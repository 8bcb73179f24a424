package io.airbyte.worker.state;

import com.fasterxml.jackson.core.type.TypeReference;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStateMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * State in files, one per connection ({@code <dir>/<connectionId>.json}, a JSON array of state
 * messages as {@code --state} takes it). Each commit writes a new file, forces it to disk and
 * renames it over the old one, so a crash leaves either the old state or the new one.
 */
public final class FileStatePersistence implements StatePersistence {

  private static final TypeReference<List<AirbyteStateMessage>> LIST = new TypeReference<>() {};

  private final Path dir;

  public FileStatePersistence(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the state directory " + dir, e);
    }
  }

  @Override
  public synchronized void commit(String connectionId, List<AirbyteStateMessage> committed) {
    ConnectionState next = current(connectionId);
    for (AirbyteStateMessage message : committed) {
      next = next.apply(message);
    }
    replace(connectionId, next);
  }

  @Override
  public synchronized ConnectionState current(String connectionId) {
    Path file = file(connectionId);
    if (!Files.exists(file)) {
      return ConnectionState.empty();
    }
    try {
      return ConnectionState.of(Jsons.mapper().readValue(file.toFile(), LIST));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the state of connection " + connectionId + " from " + file, e);
    }
  }

  @Override
  public synchronized void replace(String connectionId, ConnectionState state) {
    Path file = file(connectionId);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(Jsons.mapper().writeValueAsBytes(state.messages())));
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the state of connection " + connectionId + " to " + tmp, e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace the state file " + file, e);
    }
  }

  private Path file(String connectionId) {
    if (!connectionId.matches("[a-zA-Z0-9_.-]+") || connectionId.startsWith(".")) {
      throw new IllegalArgumentException("not a usable connection id for a file name: '" + connectionId + "'");
    }
    return dir.resolve(connectionId + ".json");
  }
}
