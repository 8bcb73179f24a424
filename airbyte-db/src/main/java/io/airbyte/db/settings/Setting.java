package io.airbyte.db.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One environment variable of the platform, declared once: its name, its default as the README
 * documents it ({@code null}: none), what it means, and how its text becomes a value. An unset or
 * blank variable takes the default; a value the parser refuses fails with a
 * {@link InvalidSettingException} naming the variable ({@code AIRBYTE_MAX_ATTEMPTS: 'x' is not a whole number}).
 *
 * <p>A setting made with {@link #prefix} is a family ({@code AIRBYTE_CONNECTOR_ENV_<NAME>}): it reads
 * every variable starting with the prefix, into a map keyed by the rest of the name.
 *
 * @param name the variable, or for a family the prefix followed by {@code <NAME>}
 * @param documentedDefault the default as documented ({@code ~/.airbyte}); {@code null} for none
 * @param meaning one sentence for the README's table
 * @param parser text to value; {@code null} for a family
 * @param fallback the value when unset or blank ({@code null} for none, or computed by the record)
 * @param hidden the value is never repeated in a message
 */
public record Setting<T>(String name, String documentedDefault, String meaning, Parser<T> parser, T fallback, boolean hidden) {

  private static final String FAMILY = "<NAME>";

  /** Turns a variable's text into a value, or throws {@link IllegalArgumentException} saying what the text is not. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String text);
  }

  /** A variable with a default: {@code fallback} is the value, {@code documentedDefault} how the README writes it. */
  public static <T> Setting<T> of(String name, String documentedDefault, T fallback, String meaning, Parser<T> parser) {
    return new Setting<>(name, documentedDefault, meaning, parser, fallback, false);
  }

  /** A variable without a default: unset or blank reads as {@code null}. */
  public static <T> Setting<T> optional(String name, String meaning, Parser<T> parser) {
    return new Setting<>(name, null, meaning, parser, null, false);
  }

  /** A variable whose default the record computes from others (documented, e.g. {@code $AIRBYTE_HOME/secrets.key}): unset reads as {@code null}. */
  public static <T> Setting<T> derived(String name, String documentedDefault, String meaning, Parser<T> parser) {
    return new Setting<>(name, documentedDefault, meaning, parser, null, false);
  }

  /** A family of variables sharing {@code prefix}, read as a map keyed by the rest of each name. */
  public static Setting<Map<String, String>> prefix(String prefix, String meaning) {
    return new Setting<>(prefix + FAMILY, null, meaning, null, Map.of(), false);
  }

  /** The same variable, its value never repeated in a message. */
  public Setting<T> hideValue() {
    return new Setting<>(name, documentedDefault, meaning, parser, fallback, true);
  }

  public boolean isFamily() {
    return name.endsWith(FAMILY);
  }

  /** This variable's value in {@code env}: the default when unset or blank, else the parsed text. */
  public T read(Map<String, String> env) {
    if (isFamily()) {
      return readFamily(env);
    }
    String text = env.get(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return parser.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(name + ": " + (hidden ? "the value" : "'" + text + "'") + " " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private T readFamily(Map<String, String> env) {
    String prefix = name.substring(0, name.length() - FAMILY.length());
    Map<String, String> values = new LinkedHashMap<>();
    env.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length())
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> values.put(e.getKey().substring(prefix.length()), e.getValue()));
    return (T) Map.copyOf(values);
  }
}
