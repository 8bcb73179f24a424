package io.airbyte.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.protocol.json.Jsons;
import io.temporal.common.converter.DataConverter;
import org.junit.jupiter.api.Test;

class ContractPayloadsTest {

  private static final String SPEC = "{\"connectionSpecification\":{\"properties\":{\"ratio\":"
      + "{\"type\":\"number\",\"default\":0.12345678901234567890123,\"maximum\":1e400}}}}";

  @Test
  void aPayloadKeepsEveryDigitOfItsDecimals() {
    DataConverter converter = ContractPayloads.converter();
    var output = new ConnectorCommandOutput(true, "ok", Jsons.deserialize(SPEC), null, "/logs/x.log");

    var back = converter.fromPayloads(0, converter.toPayloads(output), ConnectorCommandOutput.class,
        ConnectorCommandOutput.class);

    assertThat(Jsons.serialize(back.payload())).isEqualTo(Jsons.serialize(Jsons.deserialize(SPEC)));
    assertThat(back.payload().at("/connectionSpecification/properties/ratio/default").decimalValue())
        .isEqualByComparingTo("0.12345678901234567890123");
  }
}
