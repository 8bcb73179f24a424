package io.airbyte.server.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.contract.connector.ConnectorRuntime.PythonPackage;
import java.util.List;

/**
 * The runtime of a custom definition as a request gives it: Airbyte's {@code dockerRepository} and
 * {@code dockerImageTag}, or our {@code runtime} object, {@code {"type":"docker_image","repository":…,"tag":…}}
 * or {@code {"type":"python_package","package":…,"version":…}}. Each fault is named by its field
 * into {@code errors}; the result is null when there is one.
 */
final class DefinitionRuntimes {

  static final String DOCKER_IMAGE = "docker_image";
  static final String PYTHON_PACKAGE = "python_package";

  private DefinitionRuntimes() {}

  static ConnectorRuntime parse(JsonNode runtime, String dockerRepository, String dockerImageTag, List<String> errors) {
    if (runtime == null || runtime.isNull()) {
      boolean ok = required(errors, "dockerRepository", dockerRepository) & required(errors, "dockerImageTag", dockerImageTag);
      return ok ? new DockerImage(dockerRepository.trim(), dockerImageTag.trim()) : null;
    }
    if (!runtime.isObject()) {
      errors.add("runtime: an object with a type, " + DOCKER_IMAGE + " or " + PYTHON_PACKAGE);
      return null;
    }
    if (dockerRepository != null || dockerImageTag != null) {
      errors.add("runtime: give either runtime or dockerRepository and dockerImageTag, not both");
      return null;
    }
    String type = runtime.path("type").asText("");
    switch (type) {
      case DOCKER_IMAGE -> {
        String repository = text(runtime, "repository");
        String tag = text(runtime, "tag");
        boolean ok = required(errors, "runtime.repository", repository) & required(errors, "runtime.tag", tag);
        return ok ? new DockerImage(repository.trim(), tag.trim()) : null;
      }
      case PYTHON_PACKAGE -> {
        String name = text(runtime, "package");
        String version = text(runtime, "version");
        String nameProblem = PythonPackage.nameProblem(name == null ? null : name.trim());
        String versionProblem = PythonPackage.versionProblem(version == null ? null : version.trim());
        if (nameProblem != null) {
          errors.add("runtime.package: " + nameProblem);
        }
        if (versionProblem != null) {
          errors.add("runtime.version: " + versionProblem);
        }
        return nameProblem == null && versionProblem == null ? new PythonPackage(name.trim(), version.trim()) : null;
      }
      default -> {
        errors.add("runtime.type: '" + DOCKER_IMAGE + "' or '" + PYTHON_PACKAGE + "'" + (type.isEmpty() ? " is required"
            : ", not '" + type + "' (built-in connectors come with the platform)"));
        return null;
      }
    }
  }

  /** The field that names the runtime in an error about it. */
  static String field(ConnectorRuntime runtime) {
    return runtime.match(image -> "dockerRepository", jar -> "runtime", pkg -> "runtime.package", manifest -> "manifest");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static boolean required(List<String> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(field + ": required");
      return false;
    }
    return true;
  }
}
