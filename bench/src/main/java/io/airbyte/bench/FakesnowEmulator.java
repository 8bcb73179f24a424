package io.airbyte.bench;

import io.airbyte.testsupport.snowflake.FakesnowServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The Snowflake emulator for {@code bench/connectors.sh}'s snowflake case, started as the tests start it
 * ({@link FakesnowServer}: fakesnow's server mode at its pinned version, in the tests' shared venv, on a
 * free port).
 * <ul>
 *   <li>{@code FakesnowEmulator serve DATABASE}: starts the emulator, creates DATABASE, prints
 *   {@code host=127.0.0.1:PORT pid=<the emulator's pid>} and keeps it running until its stdin closes
 *   (the emulator stops with this JVM).</li>
 *   <li>{@code FakesnowEmulator count HOST DATABASE TABLE}: prints the rows of DATABASE's TABLE
 *   (a qualified, quoted name) through the same driver the connector uses.</li>
 * </ul>
 */
public final class FakesnowEmulator {

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "serve" -> serve(args[1]);
      case "count" -> System.out.println(count(args[1], args[2], args[3]));
      default -> throw new IllegalArgumentException("usage: FakesnowEmulator serve DATABASE | count HOST DATABASE TABLE");
    }
  }

  private static void serve(String database) throws IOException, SQLException {
    FakesnowServer server = FakesnowServer.get();
    try (Connection c = connect(server.hostAndPort(), null); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + database);
    }
    long pid = ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains("fakesnow_server"))
        .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    System.out.println("host=" + server.hostAndPort() + " pid=" + pid);
    System.out.flush();
    while (System.in.read() != -1) {
      // until the caller closes our stdin
    }
  }

  private static long count(String host, String database, String table) throws SQLException {
    try (Connection c = connect(host, database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Connection connect(String host, String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "BENCH");
    p.setProperty("password", "bench");
    if (database != null) {
      p.setProperty("db", database);
    }
    p.setProperty("ssl", "off");
    p.setProperty("disablePlatformDetection", "true");
    return DriverManager.getConnection("jdbc:snowflake://" + host + "/", p);
  }
}
