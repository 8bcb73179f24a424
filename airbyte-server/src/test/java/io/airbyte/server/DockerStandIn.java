package io.airbyte.server;

import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.BuiltInJar;
import io.airbyte.contract.connector.ConnectorRuntime.DockerImage;
import io.airbyte.worker.process.ConnectorLaunchException;
import io.airbyte.worker.process.ConnectorProcess;
import io.airbyte.worker.process.JarCommands;
import io.airbyte.worker.process.LaunchRequest;
import io.airbyte.worker.process.LocalProcessFactory;
import io.airbyte.worker.process.ProcessFactory;
import io.airbyte.worker.process.PythonEnvironments;
import java.util.Map;

/**
 * Docker for the API tests, which have no daemon: the images it is given run as one of our jars
 * ({@code acme/source-faker:dev} as source-faker), every other runtime as the local process factory
 * runs it (other images are refused as they are without Docker).
 */
final class DockerStandIn implements ProcessFactory {

  private final LocalProcessFactory local;
  private final Map<DockerImage, BuiltInJar> images;

  DockerStandIn(JarCommands jars, PythonEnvironments pythons, Map<DockerImage, BuiltInJar> images) {
    this.local = new LocalProcessFactory(jars, pythons, Map.of());
    this.images = Map.copyOf(images);
  }

  @Override
  public ConnectorProcess create(LaunchRequest request) throws ConnectorLaunchException {
    ConnectorRuntime runtime = request.runtime().match(image -> images.containsKey(image) ? images.get(image) : image,
        jar -> jar, python -> python, manifest -> manifest);
    return local.create(new LaunchRequest(request.jobId(), request.attempt(), request.role(), runtime, request.jobDirectory(),
        request.files(), request.args(), request.labels(), request.progress()));
  }
}
