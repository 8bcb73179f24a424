package io.airbyte.contract.connector;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a connector runs. One definition has one runtime; the worker's process factories launch it
 * and the metadata database stores it as JSON, so it is a closed set of records that Jackson writes
 * with a {@code type} property ({@code {"type":"docker_image","repository":…,"tag":…}}): Temporal
 * carries it in activity inputs with the same shape. A new kind of runtime is a new record here, a
 * new {@link JsonSubTypes.Type} and a new parameter of {@link #match}, so every place that launches
 * or shows a runtime stops compiling until it handles the new kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConnectorRuntime.DockerImage.class, name = "docker_image"),
    @JsonSubTypes.Type(value = ConnectorRuntime.BuiltInJar.class, name = "built_in_jar")})
public sealed interface ConnectorRuntime permits ConnectorRuntime.DockerImage, ConnectorRuntime.BuiltInJar {

  /**
   * The value of the one case that fits this runtime: the exhaustive switch over the kinds of runtime
   * (Java 17 has no pattern switch). Each case may throw the same checked exception.
   */
  <T, E extends Exception> T match(Case<DockerImage, T, E> dockerImage, Case<BuiltInJar, T, E> builtInJar) throws E;

  /** How the runtime reads in logs and errors ({@code airbyte/source-postgres:dev}, {@code built-in source-faker}). */
  String describe();

  /** One case of {@link #match}. */
  @FunctionalInterface
  interface Case<R extends ConnectorRuntime, T, E extends Exception> {
    T apply(R runtime) throws E;
  }

  /** Any Docker image that speaks the Airbyte Protocol, by repository and tag. */
  record DockerImage(String repository, String tag) implements ConnectorRuntime {

    public DockerImage {
      requireText(repository, "repository");
      requireText(tag, "tag");
    }

    /** {@code repository:tag}, as {@code docker run} takes it. */
    public String reference() {
      return repository + ":" + tag;
    }

    @Override
    public <T, E extends Exception> T match(Case<DockerImage, T, E> dockerImage, Case<BuiltInJar, T, E> builtInJar) throws E {
      return dockerImage.apply(this);
    }

    @Override
    public String describe() {
      return reference();
    }
  }

  /**
   * One of the connectors built with the platform ({@code source-postgres}, …): a jar the worker runs
   * as a local process, or our image of it, {@code airbyte/<name>:<tag>}, where connectors run in
   * containers.
   */
  record BuiltInJar(String name) implements ConnectorRuntime {

    /** The name is a file name and an image name: no path, no upper case. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public BuiltInJar {
      requireText(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("a built-in connector's name is lower-case words joined by '-', not '" + name + "'");
      }
    }

    /** Our image of this connector at {@code tag}: {@code airbyte/<name>:<tag>}. */
    public DockerImage image(String tag) {
      return new DockerImage("airbyte/" + name, tag);
    }

    @Override
    public <T, E extends Exception> T match(Case<DockerImage, T, E> dockerImage, Case<BuiltInJar, T, E> builtInJar) throws E {
      return builtInJar.apply(this);
    }

    @Override
    public String describe() {
      return "built-in " + name;
    }
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
  }
}
