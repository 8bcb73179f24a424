package io.airbyte.connector.kit.ssl;

import io.airbyte.connector.kit.ConfigErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Certificates and keys given in a connector config as PEM text, written to private temporary
 * files for drivers that read them from disk. Files are deleted when the JVM exits.
 */
public final class PemFiles {

  private PemFiles() {}

  /** The PEM text as a file (certificates: drivers read PEM). */
  public static Path pem(String property, String pem) {
    requirePem(property, pem);
    return write(property, ".pem", pem.getBytes(StandardCharsets.UTF_8));
  }

  /** A PKCS-8 private key given as PEM ("BEGIN PRIVATE KEY") as a DER file, the form JDBC drivers read. */
  public static Path pkcs8Der(String property, String pem) {
    requirePem(property, pem);
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new ConfigErrorException("'" + property + "' must be a PKCS-8 key (BEGIN PRIVATE KEY or BEGIN ENCRYPTED"
          + " PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -inform PEM -in key.pem -out key.pk8.pem -nocrypt");
    }
    String base64 = pem.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s", "");
    try {
      return write(property, ".pk8", Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new ConfigErrorException("'" + property + "' is not valid PEM: its body is not base64");
    }
  }

  private static void requirePem(String property, String pem) {
    if (pem == null || !pem.contains("-----BEGIN")) {
      throw new ConfigErrorException("'" + property + "' must be PEM text starting with -----BEGIN");
    }
  }

  private static Path write(String property, String suffix, byte[] content) {
    try {
      Path file = Files.createTempFile("airbyte-" + property.replaceAll("\\W", "_") + "-", suffix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, content);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write '" + property + "' to a temporary file", e);
    }
  }
}
