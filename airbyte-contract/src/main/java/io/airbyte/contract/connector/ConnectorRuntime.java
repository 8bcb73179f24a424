package io.airbyte.contract.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Locale;
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
    @JsonSubTypes.Type(value = ConnectorRuntime.BuiltInJar.class, name = "built_in_jar"),
    @JsonSubTypes.Type(value = ConnectorRuntime.PythonPackage.class, name = "python_package")})
public sealed interface ConnectorRuntime
    permits ConnectorRuntime.DockerImage, ConnectorRuntime.BuiltInJar, ConnectorRuntime.PythonPackage {

  /**
   * The value of the one case that fits this runtime: the exhaustive switch over the kinds of runtime
   * (Java 17 has no pattern switch). Each case may throw the same checked exception.
   */
  <T, E extends Exception> T match(Case<DockerImage, T, E> dockerImage, Case<BuiltInJar, T, E> builtInJar,
      Case<PythonPackage, T, E> pythonPackage) throws E;

  /**
   * How the runtime reads in logs and errors ({@code airbyte/source-postgres:dev}, {@code built-in source-faker},
   * {@code airbyte-source-faker==7.2.1}).
   */
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
    public <T, E extends Exception> T match(Case<DockerImage, T, E> dockerImage, Case<BuiltInJar, T, E> builtInJar,
      Case<PythonPackage, T, E> pythonPackage) throws E {
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
    public <T, E extends Exception> T match(Case<DockerImage, T, E> dockerImage, Case<BuiltInJar, T, E> builtInJar,
      Case<PythonPackage, T, E> pythonPackage) throws E {
      return builtInJar.apply(this);
    }

    @Override
    public String describe() {
      return "built-in " + name;
    }
  }

  /**
   * A connector published as a Python package ({@code airbyte-source-faker} at {@code 7.2.1}, from
   * PyPI): the worker installs it into a virtual environment of its own and runs its console script.
   * Both parts reach a command line ({@code pip install <package>==<version>}) and a directory name,
   * so they are held to what they may be: the package a name as PEP 508 defines it (letters, digits,
   * {@code .}, {@code _}, {@code -}, starting and ending with a letter or digit), the version a plain
   * release as PEP 440 writes it ({@code 7.2.1}, {@code 1.0rc1}, {@code 2.0.post1}; no range, no
   * local part), so nothing a shell or pip would read as more than a name ever gets in.
   */
  record PythonPackage(@JsonProperty("package") String packageName, String version) implements ConnectorRuntime {

    private static final Pattern NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9._-]*[a-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("(?i)(\\d+!)?\\d+(\\.\\d+)*((a|b|rc)\\d+)?(\\.post\\d+)?(\\.dev\\d+)?");
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
    private static final String AIRBYTE_PREFIX = "airbyte-";

    public PythonPackage {
      requireText(packageName, "package");
      requireText(version, "version");
      String wrong = nameProblem(packageName);
      if (wrong != null) {
        throw new IllegalArgumentException(wrong);
      }
      wrong = versionProblem(version);
      if (wrong != null) {
        throw new IllegalArgumentException(wrong);
      }
    }

    /** What is wrong with {@code name} as a package's name, or null when nothing is. */
    public static String nameProblem(String name) {
      if (name == null || name.isBlank()) {
        return "a package name is required";
      }
      return NAME.matcher(name).matches() ? null : "'" + name + "' is not a Python package name (letters, digits, '.', '_' "
          + "and '-', starting and ending with a letter or digit)";
    }

    /** What is wrong with {@code version} as a package's version, or null when nothing is. */
    public static String versionProblem(String version) {
      if (version == null || version.isBlank()) {
        return "a version is required";
      }
      return VERSION.matcher(version).matches() ? null
          : "'" + version + "' is not a plain version of a Python package (such as 7.2.1)";
    }

    /** The name as PyPI compares names (PEP 503): lower case, each run of {@code -_.} one {@code -}. */
    public String normalizedName() {
      return SEPARATORS.matcher(packageName.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    /** {@code package==version}, the requirement pip installs. */
    public String requirement() {
      return packageName + "==" + version;
    }

    /**
     * The console script the connector is expected to have: Airbyte's packages are named after it with
     * an {@code airbyte-} prefix ({@code airbyte-source-faker} runs as {@code source-faker}); another
     * package, by its own name.
     */
    public String expectedScript() {
      String name = normalizedName();
      return name.startsWith(AIRBYTE_PREFIX) ? name.substring(AIRBYTE_PREFIX.length()) : name;
    }

    /**
     * The image that stands for this package where the API names one: Airbyte publishes its packaged
     * connectors as {@code airbyte/<script>} at the same version; another package as its own name.
     */
    public DockerImage image() {
      String name = normalizedName();
      return new DockerImage(name.startsWith(AIRBYTE_PREFIX) ? "airbyte/" + expectedScript() : name, version);
    }

    @Override
    public <T, E extends Exception> T match(Case<DockerImage, T, E> dockerImage, Case<BuiltInJar, T, E> builtInJar,
        Case<PythonPackage, T, E> pythonPackage) throws E {
      return pythonPackage.apply(this);
    }

    @Override
    public String describe() {
      return requirement();
    }
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
  }
}
