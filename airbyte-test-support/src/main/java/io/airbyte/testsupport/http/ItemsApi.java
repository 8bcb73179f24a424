package io.airbyte.testsupport.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP API for the tests of declarative manifests ({@code manifests/items.json} reads it):
 * {@code GET /items?page=N&per_page=M&updated_since=T} answers the items updated at or after
 * {@code T} (ISO-8601, to the second), in order of update, {@code M} a page, as
 * {@code {"data": [...], "next_page": N+1 | null}}, and only to a request whose {@code X-API-Key}
 * header is the key it was started with (else 401). It records every request it was asked (query
 * parameters and whether the key was right), for the tests to assert what a connector asked.
 */
public final class ItemsApi implements AutoCloseable {

  /** One request: its query parameters and whether it carried the right key. */
  public record Request(Map<String, String> query, boolean authorized) {}

  /** One item: id, name, updated_at. */
  public record Item(long id, String name, Instant updatedAt) {}

  private final HttpServer server;
  private final String apiKey;
  private final List<Item> items = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private ItemsApi(String apiKey) {
    this.apiKey = apiKey;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/items", this::items);
    server.start();
  }

  /** Started on a free port of 127.0.0.1, answering requests with {@code apiKey}. */
  public static ItemsApi start(String apiKey) {
    return new ItemsApi(apiKey);
  }

  /** Adds items {@code from}..{@code to}, item {@code i} updated {@code i} minutes after {@code base}. */
  public void addItems(long from, long to, Instant base) {
    for (long i = from; i <= to; i++) {
      items.add(new Item(i, "item " + i, base.plus(i, ChronoUnit.MINUTES)));
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  private void items(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      boolean authorized = apiKey.equals(exchange.getRequestHeaders().getFirst("X-API-Key"));
      requests.add(new Request(query, authorized));
      if (!authorized) {
        send(exchange, 401, "{\"error\":\"a valid X-API-Key header is required\"}");
        return;
      }
      int page = Integer.parseInt(query.getOrDefault("page", "1"));
      int perPage = Integer.parseInt(query.getOrDefault("per_page", "10"));
      Instant since = query.containsKey("updated_since") ? Instant.parse(query.get("updated_since")) : Instant.EPOCH;
      List<Item> matching = new ArrayList<>();
      for (Item item : items) {
        if (!item.updatedAt().isBefore(since)) {
          matching.add(item);
        }
      }
      int from = Math.min((page - 1) * perPage, matching.size());
      int to = Math.min(from + perPage, matching.size());
      StringBuilder json = new StringBuilder("{\"data\":[");
      for (int i = from; i < to; i++) {
        Item item = matching.get(i);
        json.append(i > from ? "," : "").append("{\"id\":").append(item.id()).append(",\"name\":\"").append(item.name())
            .append("\",\"updated_at\":\"").append(item.updatedAt().truncatedTo(ChronoUnit.SECONDS)).append("\"}");
      }
      json.append("],\"next_page\":").append(to < matching.size() ? Integer.toString(page + 1) : "null").append('}');
      send(exchange, 200, json.toString());
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(key, value);
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
