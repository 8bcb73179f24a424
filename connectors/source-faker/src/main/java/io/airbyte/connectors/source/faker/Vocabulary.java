package io.airbyte.connectors.source.faker;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/** The word lists fake values are drawn from (resource faker-words.json). */
final class Vocabulary {

  static final Vocabulary WORDS = load();

  final String[] firstNames;
  final String[] lastNames;
  final String[] titles;
  final String[] genders;
  final String[] languages;
  final String[] degrees;
  final String[] nationalities;
  final String[] occupations;
  final String[] bloodTypes;
  final String[] emailDomains;
  final String[] streetNames;
  final String[] streetSuffixes;
  final String[] cities;
  final String[] states;
  final String[] provinces;
  final String[] countryCodes;
  final String[] makes;
  final String[] models;

  private Vocabulary(JsonNode words) {
    firstNames = list(words, "first_names");
    lastNames = list(words, "last_names");
    titles = list(words, "titles");
    genders = list(words, "genders");
    languages = list(words, "languages");
    degrees = list(words, "degrees");
    nationalities = list(words, "nationalities");
    occupations = list(words, "occupations");
    bloodTypes = list(words, "blood_types");
    emailDomains = list(words, "email_domains");
    streetNames = list(words, "street_names");
    streetSuffixes = list(words, "street_suffixes");
    cities = list(words, "cities");
    states = list(words, "states");
    provinces = list(words, "provinces");
    countryCodes = list(words, "country_codes");
    makes = list(words, "makes");
    models = list(words, "models");
  }

  static String pick(SplittableRandom random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  private static String[] list(JsonNode words, String name) {
    JsonNode list = words.get(name);
    String[] values = new String[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = list.get(i).asText();
    }
    return values;
  }

  private static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getResourceAsStream("/faker-words.json")) {
      return new Vocabulary(Jsons.mapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("faker-words.json cannot be read", e);
    }
  }
}
