package io.airbyte.server.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The UI's client-side routes: a browser that opens or reloads {@code /connections/…} gets the
 * single-page app's {@code index.html}; its files come from {@code static/} of the webapp jar.
 */
@Controller
class WebAppController {

  @GetMapping({"/", "/connections", "/connections/**", "/sources", "/sources/**", "/destinations", "/destinations/**",
      "/settings", "/settings/**"})
  String app() {
    return "forward:/index.html";
  }
}
