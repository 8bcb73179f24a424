package io.airbyte.connector.kit;

import io.airbyte.protocol.models.AirbyteLogMessage;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends java.util.logging records (and everything bridged to it: System.Logger, SLF4J through
 * slf4j-jdk14, the PostgreSQL driver) to the platform as LOG messages, so stdout carries nothing
 * but protocol messages.
 */
public final class ProtocolLogHandler extends Handler {

  private static final Formatter MESSAGE_FORMATTER = new SimpleFormatter();

  private final Emitter output;
  private final ThreadLocal<Boolean> publishing = ThreadLocal.withInitial(() -> false);

  public ProtocolLogHandler(Emitter output) {
    this.output = output;
  }

  /** Replaces the root logger's handlers with one that writes to {@code output}, at {@code level}. */
  public static ProtocolLogHandler install(Emitter output, Level level) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    ProtocolLogHandler handler = new ProtocolLogHandler(output);
    handler.setLevel(level);
    root.setLevel(level);
    root.addHandler(handler);
    return handler;
  }

  /** The level named by the {@code LOG_LEVEL} environment variable (Airbyte's), INFO by default. */
  public static Level levelFromEnvironment(String value) {
    if (value == null || value.isBlank()) {
      return Level.INFO;
    }
    return switch (value.trim().toUpperCase()) {
      case "TRACE" -> Level.FINEST;
      case "DEBUG" -> Level.FINE;
      case "WARN", "WARNING" -> Level.WARNING;
      case "ERROR", "FATAL" -> Level.SEVERE;
      default -> Level.INFO;
    };
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record) || publishing.get()) {
      return; // a log written while writing a log would recurse
    }
    publishing.set(true);
    try {
      String message = MESSAGE_FORMATTER.formatMessage(record);
      String prefix = record.getLoggerName() == null ? "" : shortName(record.getLoggerName()) + " - ";
      output.log(level(record.getLevel()), prefix + message, record.getThrown());
    } catch (RuntimeException e) {
      reportError("cannot send a log to the platform", e, 0);
    } finally {
      publishing.set(false);
    }
  }

  @Override
  public void flush() {
    output.flush();
  }

  @Override
  public void close() {
    flush();
  }

  static AirbyteLogMessage.Level level(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return AirbyteLogMessage.Level.ERROR;
    }
    if (value >= Level.WARNING.intValue()) {
      return AirbyteLogMessage.Level.WARN;
    }
    if (value >= Level.INFO.intValue()) {
      return AirbyteLogMessage.Level.INFO;
    }
    if (value >= Level.FINE.intValue()) {
      return AirbyteLogMessage.Level.DEBUG;
    }
    return AirbyteLogMessage.Level.TRACE;
  }

  private static String shortName(String loggerName) {
    int dot = loggerName.lastIndexOf('.');
    return dot < 0 ? loggerName : loggerName.substring(dot + 1);
  }
}
