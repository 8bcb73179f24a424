package io.airbyte.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}: what a filter rejected, as the firewall's
 * 400 for {@code //} in a path, or an error past the controllers) as problem+json, in place of
 * Spring Boot's default body: no error of this server answers in another shape.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden // the container's error page, no operation of the API
class ProblemErrorController implements ErrorController {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

  private final ObjectMapper json;

  ProblemErrorController(ObjectMapper json) {
    this.json = json;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<String> error(HttpServletRequest request) throws JsonProcessingException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c) : HttpStatus.NOT_FOUND;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String detail;
    if (code == null) {
      detail = "No such resource";
    } else if (status.is5xxServerError()) {
      LOG.error("{} for {}", status, uri, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
      detail = "An unexpected error; the server's log has the details";
    } else {
      detail = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t && t.getMessage() != null
          ? t.getMessage() : request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m ? m : "";
      if (detail.isBlank()) {
        detail = status == HttpStatus.BAD_REQUEST ? "The server does not take this request (its path or its form)"
            : status.getReasonPhrase();
      }
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    if (uri instanceof String path) {
      try {
        problem.setInstance(new URI(null, null, path, null));
      } catch (URISyntaxException notAPath) {
        // no instance then
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(json.writeValueAsString(problem));
  }
}
