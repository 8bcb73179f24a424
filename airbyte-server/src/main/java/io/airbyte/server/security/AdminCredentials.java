package io.airbyte.server.security;

import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance admin: {@code AIRBYTE_ADMIN_USERNAME} / {@code AIRBYTE_ADMIN_PASSWORD}; without a
 * password, one is generated on first start, kept in {@code $AIRBYTE_HOME/admin-password} (mode
 * 0600) and printed once.
 */
public record AdminCredentials(String username, String password) {

  private static final Logger LOG = LoggerFactory.getLogger(AdminCredentials.class);
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  public static final Setting<String> USERNAME = Setting.of("AIRBYTE_ADMIN_USERNAME", "airbyte", "airbyte",
      "the admin's user name", Parsers.text());
  public static final Setting<String> PASSWORD = Setting.optional("AIRBYTE_ADMIN_PASSWORD",
      "the admin's password (unset: generated on first start, logged once, kept in `$AIRBYTE_HOME/admin-password`)",
      Parsers.text()).hideValue();

  public static final List<Setting<?>> VARIABLES = List.of(USERNAME, PASSWORD);

  /** {@code password} when set, else the one kept under {@code home} (generated the first time). */
  public static AdminCredentials resolve(String username, String password, Path home) {
    if (password != null) {
      return new AdminCredentials(username, password);
    }
    Path file = home.resolve("admin-password");
    try {
      if (Files.exists(file)) {
        ownerOnly(file);
        return new AdminCredentials(username, Files.readString(file).trim());
      }
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(home);
      writeOwnerOnly(file, generated);
      LOG.warn("\n\n  No AIRBYTE_ADMIN_PASSWORD was set: the admin password is generated once and kept in {}\n"
          + "  Sign in as '{}' with password: {}\n", file, username, generated);
      return new AdminCredentials(username, generated);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the admin password file " + file, e);
    }
  }

  /** Creates the file readable and writable by its owner only (0600) from the start: never readable by others, even briefly. */
  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, content, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A file an earlier version wrote readable by others (0644) is made 0600. */
  private static void ownerOnly(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
      LOG.info("{} was readable by others: now 0600", file);
    }
  }
}
