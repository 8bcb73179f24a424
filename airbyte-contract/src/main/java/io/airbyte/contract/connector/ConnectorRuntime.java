package io.airbyte.contract.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    @JsonSubTypes.Type(value = ConnectorRuntime.PythonPackage.class, name = "python_package"),
    @JsonSubTypes.Type(value = ConnectorRuntime.DeclarativeManifest.class, name = "declarative_manifest")})
public sealed interface ConnectorRuntime
    permits ConnectorRuntime.DockerImage, ConnectorRuntime.BuiltInJar, ConnectorRuntime.PythonPackage,
    ConnectorRuntime.DeclarativeManifest {

  /**
   * The value of the one case that fits this runtime: the exhaustive switch over the kinds of runtime
   * (Java 17 has no pattern switch). Each case may throw the same checked exception.
   */
  <T, E extends Exception> T match(Case<DockerImage, T, E> dockerImage, Case<BuiltInJar, T, E> builtInJar,
      Case<PythonPackage, T, E> pythonPackage, Case<DeclarativeManifest, T, E> declarativeManifest) throws E;

  /**
   * How the runtime reads in logs and errors ({@code airbyte/source-postgres:dev}, {@code built-in source-faker},
   * {@code airbyte-source-faker==7.2.1}, {@code declarative manifest on airbyte-cdk==6.61.6}).
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
      Case<PythonPackage, T, E> pythonPackage, Case<DeclarativeManifest, T, E> declarativeManifest) throws E {
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
      Case<PythonPackage, T, E> pythonPackage, Case<DeclarativeManifest, T, E> declarativeManifest) throws E {
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
        Case<PythonPackage, T, E> pythonPackage, Case<DeclarativeManifest, T, E> declarativeManifest) throws E {
      return pythonPackage.apply(this);
    }

    @Override
    public String describe() {
      return requirement();
    }
  }

  /**
   * A low-code connector: a declarative manifest (the YAML of Airbyte's low-code CDK, held as the JSON
   * object Airbyte stores) run by {@code airbyte-cdk}'s {@code source-declarative-manifest} at
   * {@code cdkVersion}, with the manifest injected into the config under
   * {@value #INJECTED_MANIFEST}, as Airbyte's platform runs its manifest-only connectors. Its spec
   * is the manifest's own ({@link #spec}): {@code spec} is not run for it.
   */
  record DeclarativeManifest(JsonNode manifest, String cdkVersion) implements ConnectorRuntime {

    /** The config property under which {@code source-declarative-manifest} finds the manifest. */
    public static final String INJECTED_MANIFEST = "__injected_declarative_manifest";
    /** The CDK's distribution on PyPI. */
    public static final String CDK_PACKAGE = "airbyte-cdk";
    /**
     * The CDK version a new manifest runs on (the one {@code airbyte-source-faker} 7.2.1 brings as
     * well; the tests' pin of {@code airbyte-cdk} is the same).
     */
    public static final String DEFAULT_CDK_VERSION = "6.61.6";
    /** The CDK's console script that runs a manifest given in the config. */
    public static final String SCRIPT = "source-declarative-manifest";

    public DeclarativeManifest {
      Objects.requireNonNull(manifest, "manifest");
      if (!manifest.isObject()) {
        throw new IllegalArgumentException("manifest is not a JSON object");
      }
      manifest = manifest.deepCopy();
      requireText(cdkVersion, "cdkVersion");
      new PythonPackage(CDK_PACKAGE, cdkVersion); // the version is a plain release, as a Python package's
    }

    /** The manifest, a copy (the runtime is a value). */
    @Override
    public JsonNode manifest() {
      return manifest.deepCopy();
    }

    /** The CDK that runs the manifest, {@code airbyte-cdk==<cdkVersion>}. */
    public PythonPackage cdk() {
      return new PythonPackage(CDK_PACKAGE, cdkVersion);
    }

    /**
     * The connector specification the manifest declares ({@code spec.connection_specification},
     * {@code spec.documentation_url}, {@code spec.advanced_auth}), as a SPEC message carries it; an
     * empty object schema where the manifest declares none.
     */
    public ObjectNode spec() {
      ObjectNode spec = JsonNodeFactory.instance.objectNode();
      JsonNode declared = manifest.path("spec");
      JsonNode connection = declared.path("connection_specification");
      if (declared.hasNonNull("documentation_url")) {
        spec.set("documentationUrl", declared.get("documentation_url").deepCopy());
      }
      if (connection.isObject()) {
        spec.set("connectionSpecification", connection.deepCopy());
      } else {
        spec.putObject("connectionSpecification").put("type", "object").putObject("properties");
      }
      if (declared.path("advanced_auth").isObject()) {
        spec.set("advanced_auth", declared.get("advanced_auth").deepCopy());
      }
      return spec;
    }

    /** {@code config} with the manifest injected under {@value #INJECTED_MANIFEST}, a copy. */
    public ObjectNode injectInto(JsonNode config) {
      ObjectNode injected = config != null && config.isObject() ? ((ObjectNode) config).deepCopy()
          : JsonNodeFactory.instance.objectNode();
      injected.set(INJECTED_MANIFEST, manifest.deepCopy());
      return injected;
    }

    /**
     * The image Airbyte runs manifests with: {@code airbyte/source-declarative-manifest}, published
     * at each version of the CDK.
     */
    public DockerImage image() {
      return new DockerImage("airbyte/" + SCRIPT, cdkVersion);
    }

    @Override
    public <T, E extends Exception> T match(Case<DockerImage, T, E> dockerImage, Case<BuiltInJar, T, E> builtInJar,
        Case<PythonPackage, T, E> pythonPackage, Case<DeclarativeManifest, T, E> declarativeManifest) throws E {
      return declarativeManifest.apply(this);
    }

    @Override
    public String describe() {
      return "declarative manifest on " + cdk().requirement();
    }

    @Override
    public String toString() {
      return "DeclarativeManifest[" + describe() + "]";
    }
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
  }
}
