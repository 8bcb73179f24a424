package io.airbyte.testsupport.postgres;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: a fresh {@link PostgresTestDatabase} per test class on the JVM's embedded
 * server, injected into constructors, {@code @BeforeAll} and test methods, dropped after the class.
 *
 * <pre>{@code @ExtendWith(PostgresExtension.class)
 * class MyIT {
 *   MyIT(PostgresTestDatabase db) { ... }
 * }}</pre>
 */
public final class PostgresExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresTestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(classContext.getRequiredTestClass(), key -> new Resource(), Resource.class)
        .database;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** Closed by JUnit when the class's context ends. */
  private static final class Resource implements ExtensionContext.Store.CloseableResource {
    final PostgresTestDatabase database = EmbeddedPostgresServer.get().createDatabase();

    @Override
    public void close() {
      database.close();
    }
  }
}
