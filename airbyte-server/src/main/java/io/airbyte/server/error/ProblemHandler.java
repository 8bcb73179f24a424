package io.airbyte.server.error;

import io.airbyte.db.NotFoundException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error as RFC 7807 problem+json, in one place. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE) // before Boot's own problem handler
class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ApiException.class)
  ProblemDetail api(ApiException e) {
    return problem(e.status(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    UnreadableBody body = UnreadableBody.of(e);
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, body.detail(), List.of(body.error()));
    problem.setProperty("pointer", body.pointer());
    if (body.line() != null) {
      problem.setProperty("line", body.line());
      problem.setProperty("column", body.column());
    }
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    if (type != null && (Iterable.class.isAssignableFrom(type) || type.isArray())) {
      type = e.getParameter().nested().getNestedParameterType(); // a list's items
    }
    Object value = e.getValue() instanceof Object[] values ? String.join(",", java.util.Arrays.stream(values)
        .map(String::valueOf).toList()) : e.getValue();
    String error = e.getName() + ": '" + value + "' is not " + ParameterTypes.expected(type);
    return problem(HttpStatus.BAD_REQUEST, "Invalid query or path parameter " + e.getName(), List.of(error));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, "Missing query parameter " + e.getParameterName(),
        List.of(e.getParameterName() + ": required"));
  }

  /** Spring Security's firewall refuses a parameter name or a path it deems unsafe (control characters …). */
  @ExceptionHandler(RequestRejectedException.class)
  ProblemDetail rejected(RequestRejectedException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of("query: " + e.getMessage()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badArgument(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
  }

  /**
   * Anything else: Spring's own errors keep their status (405, 415, 404 of an unknown path), the rest
   * is a 500 whose details go to the log, not to the client.
   */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    if (e instanceof ErrorResponse known) {
      HttpStatus status = HttpStatus.resolve(known.getStatusCode().value());
      return problem(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, known.getBody().getDetail(), List.of());
    }
    LOG.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error; the server's log has the details", List.of());
  }

  private static ProblemDetail problem(HttpStatus status, String detail, List<String> errors) {
    if (status.is5xxServerError()) {
      LOG.warn("{}: {}", status, detail);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }
}
