package io.airbyte.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The API server alone (the standalone platform runs it with everything else). */
@SpringBootApplication
public class AirbyteServerApplication {

  public static void main(String[] args) {
    SpringApplication.run(AirbyteServerApplication.class, args);
  }
}
