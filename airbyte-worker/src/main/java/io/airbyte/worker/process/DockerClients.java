package io.airbyte.worker.process;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** Makes docker-java clients for a daemon. */
public final class DockerClients {

  /**
   * docker-java 3.7 speaks API 1.44 by default; Debian's engine (20.10) accepts at most 1.41, which
   * has everything the worker uses.
   */
  public static final String API_VERSION = "1.41";

  private DockerClients() {}

  /** A client for {@code dockerHost} ({@code unix:///var/run/docker.sock} when null). */
  public static DockerClient create(String dockerHost) {
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(dockerHost == null ? "unix:///var/run/docker.sock" : dockerHost)
        .withApiVersion(API_VERSION)
        .build();
    ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .connectionTimeout(Duration.ofSeconds(10))
        .responseTimeout(Duration.ofMinutes(10))
        .build();
    return DockerClientImpl.getInstance(config, http);
  }
}
