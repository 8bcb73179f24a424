package io.airbyte.connector.kit;

import io.airbyte.protocol.models.StreamDescriptor;

/**
 * A message (a record, usually) larger than the {@link RecordSizeLimit}: the write stops before it,
 * what the streams wrote after their last state is not committed, and the error names the stream.
 * A config error: the same record comes again on a retry, so the user has to act (leave the column or
 * the stream out of the connection, or raise the limit).
 */
public final class RecordTooLargeException extends ConfigErrorException {

  private final transient StreamDescriptor stream;

  public RecordTooLargeException(String message, StreamDescriptor stream) {
    super(message);
    this.stream = stream;
  }

  /** The record's stream, or null when the line did not name one. */
  public StreamDescriptor stream() {
    return stream;
  }
}
