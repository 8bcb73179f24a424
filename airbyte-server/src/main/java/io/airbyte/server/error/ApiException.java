package io.airbyte.server.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error the API answers with its status, a title and, for invalid input, the failing properties. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<String> errors;

  public ApiException(HttpStatus status, String message, List<String> errors) {
    super(message);
    this.status = status;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static ApiException unprocessable(String message, List<String> errors) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, message, errors);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message, List.of());
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message, List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public List<String> errors() {
    return errors;
  }
}
