package io.airbyte.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The one check of {@link StorableText} at the request boundary: every JSON body (names of sources,
 * destinations, connections, workspaces, applications; configurations at any depth; stream names,
 * namespace format, prefix) and every query parameter, before anything reads them. What PostgreSQL
 * cannot store is a 422 naming the field, never a 500 from the database.
 */
@ControllerAdvice
class StorableTextCheck extends RequestBodyAdviceAdapter implements HandlerInterceptor, WebMvcConfigurer {

  private static final String TITLE = "Text that cannot be stored";

  private final ObjectMapper json;

  StorableTextCheck(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converter) throws IOException {
    MediaType type = input.getHeaders().getContentType();
    if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"))) {
      return input;
    }
    byte[] body = input.getBody().readAllBytes();
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (JsonProcessingException notJson) {
      tree = null; // the converter answers it with its 400
    }
    if (tree != null) {
      List<String> problems = StorableText.problems(tree);
      if (!problems.isEmpty()) {
        throw ApiException.unprocessable(TITLE, problems);
      }
      List<String> name = Names.problems(tree);
      if (!name.isEmpty()) {
        throw ApiException.unprocessable("Invalid name", name);
      }
    }
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return input.getHeaders();
      }
    };
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      String inName = StorableText.problem(parameter.getKey());
      if (inName != null) {
        problems.add("query: a parameter name " + inName);
        continue;
      }
      for (String value : parameter.getValue()) {
        String problem = StorableText.problem(value);
        if (problem != null) {
          problems.add(parameter.getKey() + ": " + problem);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.unprocessable(TITLE, problems);
    }
    return true;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }
}
