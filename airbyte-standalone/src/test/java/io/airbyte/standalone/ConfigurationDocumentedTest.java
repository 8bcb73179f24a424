package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.db.settings.Setting;
import io.airbyte.scheduler.SchedulerConfig;
import io.airbyte.server.config.ServerConfig;
import io.airbyte.worker.sync.WorkerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is the processes' declarations: each row is what the records
 * declare (name, default, which processes read it, meaning), and every variable the README names
 * anywhere is declared or listed below as not a process setting.
 */
class ConfigurationDocumentedTest {

  private static final Path ROOT = Path.of("..");

  /** The processes, in the table's order, with what each reads. */
  private static final Map<String, List<Setting<?>>> PROCESSES = new LinkedHashMap<>();

  static {
    PROCESSES.put("server", ServerConfig.VARIABLES);
    PROCESSES.put("scheduler", SchedulerConfig.VARIABLES);
    PROCESSES.put("worker", WorkerConfig.VARIABLES);
    PROCESSES.put("standalone", StandaloneConfig.VARIABLES);
  }

  /** Named in the README but read by no process of the platform. */
  private static final Set<String> NOT_PROCESS_SETTINGS = Set.of(
      // docker-compose.yml's own settings (.env), mapped by the compose file onto the processes' variables
      "AIRBYTE_VERSION", "AIRBYTE_PORT", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_DB", "AIRBYTE_CONNECTOR_NETWORK",
      // image builds
      "AIRBYTE_BASE_IMAGE", "DOCKER_CLI_IMAGE", "AIRBYTE_PYTHON_BASE_IMAGE", "AIRBYTE_PYTHON_WHEELS",
      // set in the Python connectors' images, as Airbyte's images set it
      "AIRBYTE_ENTRYPOINT",
      // PyAirbyte's own (the tests run it offline)
      "AIRBYTE_OFFLINE_MODE",
      // the test suite
      "AIRBYTE_REQUIRE_DOCKER", "AIRBYTE_REQUIRE_BROWSER",
      // a connector's variable (destination-duckdb's root for local files), set by the worker or the image
      "AIRBYTE_LOCAL_ROOT");

  private static final Pattern NAME = Pattern.compile("\\b((?:AIRBYTE|TEMPORAL|DATABASE|DOCKER|SERVER)_[A-Z0-9_]*[A-Z0-9](?:_<NAME>)?)");

  @Test
  void theReadmeTableIsWhatTheProcessesDeclare() throws Exception {
    Map<String, String> documented = table(section(readme(), "## Configuration"));
    Map<String, String> declared = rendered();
    assertThat(documented)
        .as("the README's configuration table should be, in any order:%n%s", String.join("\n", declared.values()))
        .isEqualTo(declared);
  }

  @Test
  void everyVariableTheReadmeNamesIsDeclaredOrNotAProcessSetting() throws Exception {
    Set<String> named = new TreeSet<>();
    Matcher code = Pattern.compile("`([^`]+)`").matcher(readme());
    while (code.find()) {
      Matcher name = NAME.matcher(code.group(1));
      while (name.find()) {
        named.add(name.group(1));
      }
    }
    Set<String> declared = rendered().keySet();
    named.removeAll(declared);
    named.removeAll(NOT_PROCESS_SETTINGS);
    // a member of a family (AIRBYTE_CONNECTOR_ENV_JAVA_OPTS of AIRBYTE_CONNECTOR_ENV_<NAME>)
    named.removeIf(n -> declared.stream().anyMatch(d -> d.endsWith("_<NAME>") && n.startsWith(d.substring(0, d.length() - 6))));
    assertThat(named).as("named in the README, declared by no process").isEmpty();
    assertThat(NOT_PROCESS_SETTINGS).as("listed as not a process setting, yet declared").doesNotContainAnyElementsOf(declared);
  }

  @Test
  void theComposeSettingsAreTheReadmesComposeTable() throws Exception {
    Set<String> dotEnv = new TreeSet<>();
    for (String line : Files.readAllLines(ROOT.resolve(".env"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        dotEnv.add(line.substring(0, line.indexOf('=')).trim());
      }
    }
    Set<String> documented = new TreeSet<>();
    for (String row : section(readme(), "**docker compose**")) {
      if (row.startsWith("| `")) {
        Matcher m = NAME.matcher(row.split("\\|")[1]);
        while (m.find()) {
          documented.add(m.group(1));
        }
      }
    }
    assertThat(documented).as("the README's .env table").isEqualTo(dotEnv);
    Set<String> undeclared = new TreeSet<>(dotEnv);
    undeclared.removeAll(rendered().keySet());
    assertThat(NOT_PROCESS_SETTINGS).as("compose settings that are no process variable").containsAll(undeclared);
  }

  @Test
  void springReadsTheServersVariablesWithTheDeclaredDefaults() throws Exception {
    Map<String, String> placeholders = new TreeMap<>();
    Matcher m = Pattern.compile("\\$\\{([A-Z_]+):([^}]*)}")
        .matcher(Files.readString(ROOT.resolve("airbyte-server/src/main/resources/application.properties")));
    while (m.find()) {
      placeholders.put(m.group(1), m.group(2));
    }
    Map<String, String> declared = new TreeMap<>();
    ServerConfig.SPRING_VARIABLES.forEach(s -> declared.put(s.name(), s.documentedDefault()));
    assertThat(placeholders).isEqualTo(declared);
  }

  /** One README row per variable: {@code | `NAME` | default | read by | meaning |}. */
  private static Map<String, String> rendered() {
    Map<String, Map<String, Setting<?>>> byName = new TreeMap<>();
    PROCESSES.forEach((process, settings) -> settings.forEach(
        s -> byName.computeIfAbsent(s.name(), n -> new LinkedHashMap<>()).put(process, s)));
    Map<String, String> rows = new TreeMap<>();
    byName.forEach((name, readers) -> {
      Map<String, List<String>> defaults = new LinkedHashMap<>();
      readers.forEach((process, s) -> {
        String d = process.equals("standalone") ? StandaloneConfig.STANDALONE_DEFAULTS.getOrDefault(name, s.documentedDefault())
            : s.documentedDefault();
        defaults.computeIfAbsent(d == null ? "none" : d.isEmpty() ? "empty" : "`" + d + "`", k -> new ArrayList<>()).add(process);
      });
      String defaultCell = defaults.size() == 1 ? defaults.keySet().iterator().next()
          : defaults.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
              .collect(Collectors.joining("; "));
      Set<String> meanings = new LinkedHashSet<>();
      readers.values().forEach(s -> meanings.add(s.meaning()));
      assertThat(meanings).as("one meaning of %s", name).hasSize(1);
      rows.put(name, "| `" + name + "` | " + defaultCell + " | " + String.join(", ", readers.keySet()) + " | "
          + meanings.iterator().next() + " |");
    });
    return rows;
  }

  private static Map<String, String> table(List<String> lines) {
    Map<String, String> rows = new TreeMap<>();
    for (String line : lines) {
      if (line.startsWith("| `")) {
        String name = line.substring(3, line.indexOf('`', 3));
        assertThat(rows.put(name, line.strip())).as("%s listed twice", name).isNull();
      }
    }
    return rows;
  }

  /** The lines from the one starting with {@code heading} to the next heading. */
  private static List<String> section(String readme, String heading) {
    List<String> lines = List.of(readme.split("\n"));
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(heading)) {
        start = i;
        break;
      }
    }
    assertThat(start).as("the README has a section '%s'", heading).isNotNegative();
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("#")) {
      end++;
    }
    return lines.subList(start, end);
  }

  private static String readme() throws Exception {
    return Files.readString(ROOT.resolve("README.md"));
  }
}
