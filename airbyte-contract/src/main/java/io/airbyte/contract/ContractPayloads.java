package io.airbyte.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * How the contract's records travel through Temporal: Temporal's JSON converter, with decimals read
 * as {@link java.math.BigDecimal}, so that the JSON the contract carries as {@code JsonNode} (a
 * connector's spec or catalog) arrives with every digit a connector wrote, as the protocol's own
 * mapper reads it. Every workflow client of the platform uses it.
 */
public final class ContractPayloads {

  private ContractPayloads() {}

  public static DataConverter converter() {
    ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    return DefaultDataConverter.newDefaultInstance().withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper));
  }
}
