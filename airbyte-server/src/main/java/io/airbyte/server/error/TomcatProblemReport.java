package io.airbyte.server.error;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before any servlet (a path with an encoded {@code /} or a NUL, say),
 * as problem+json instead of Tomcat's HTML page.
 */
@Component
class TomcatProblemReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof Host host && host instanceof StandardHost standard) {
        standard.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
    });
  }

  /** Tomcat's error report, as problem+json (Tomcat makes it by its class name: public, no arguments). */
  public static final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String title = switch (status) {
        case 400 -> "Bad Request";
        case 404 -> "Not Found";
        case 408 -> "Request Timeout";
        case 413 -> "Content Too Large";
        case 414 -> "URI Too Long";
        case 431 -> "Request Header Fields Too Large";
        case 503 -> "Service Unavailable";
        default -> status < 500 ? "Client Error" : "Server Error";
      };
      String detail = status < 500 ? "The server cannot read this request (its path or headers)" : "The server cannot answer now";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone, or the response is already on its way: nothing more to say
      }
    }
  }
}
