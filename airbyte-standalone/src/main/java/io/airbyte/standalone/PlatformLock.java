package io.airbyte.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One platform per {@code AIRBYTE_HOME}: an exclusive lock on {@code $AIRBYTE_HOME/platform.lock},
 * taken before anything else starts and held for the JVM's life (the operating system releases it
 * when the JVM ends, however it ends). The file names the holder's pid, for the message a second
 * platform gets. Whoever holds it knows that no live platform uses the home, so a PostgreSQL still
 * running on the home's data directory was left behind by a dead one.
 */
final class PlatformLock {

  static final String FILE = "platform.lock";

  /** Kept for the JVM's life: an unreachable channel would be closed by its cleaner, releasing the lock. */
  private static FileChannel held;
  private static FileLock lock;

  private PlatformLock() {}

  /** Takes the home's lock, or throws {@link HomeInUseException} when a live platform holds it. */
  static synchronized void acquire(Path home) {
    if (held != null) {
      throw new IllegalStateException("this JVM already holds the lock of " + home);
    }
    Path file = home.resolve(FILE);
    try {
      Files.createDirectories(home);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock taken;
      try {
        taken = channel.tryLock();
      } catch (OverlappingFileLockException inThisJvm) {
        taken = null;
      }
      if (taken == null) {
        String holder = holder(channel);
        channel.close();
        throw new HomeInUseException(home, holder);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      held = channel;
      lock = taken;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock " + file, e);
    }
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    channel.read(buffer, 0);
    String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
    return pid.matches("\\d+") ? pid : null;
  }

  /** A live platform holds the home's lock. */
  static final class HomeInUseException extends RuntimeException {
    HomeInUseException(Path home, String holderPid) {
      super("Another platform" + (holderPid == null ? "" : " (pid " + holderPid + ")") + " is running on AIRBYTE_HOME="
          + home + " (it holds " + home.resolve(FILE) + "): this one does not start. Stop the other one first, or give"
          + " this one another AIRBYTE_HOME.");
    }
  }
}
