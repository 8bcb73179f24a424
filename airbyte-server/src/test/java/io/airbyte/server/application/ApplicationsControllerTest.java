package io.airbyte.server.application;

import static io.airbyte.server.WebSliceBeans.adminBasic;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airbyte.server.WebSliceBeans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Applications and the token endpoint with the real security chain, on a real database. */
@WebMvcTest(ApplicationsController.class)
@Import(WebSliceBeans.class)
class ApplicationsControllerTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  ObjectMapper json;

  @Test
  void applicationTokenAuthenticatesUntilTheApplicationIsDeleted() throws Exception {
    JsonNode app = json.readTree(mvc.perform(post("/api/public/v1/applications")
            .header(HttpHeaders.AUTHORIZATION, adminBasic())
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"airflow\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clientSecret").isString())
        .andReturn().getResponse().getContentAsString());
    String clientId = app.get("clientId").asText();
    String secret = app.get("clientSecret").asText();

    // the secret is shown once: the list carries none
    mvc.perform(get("/api/public/v1/applications").header(HttpHeaders.AUTHORIZATION, adminBasic()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.applications[*].clientId", hasItem(clientId)))
        .andExpect(jsonPath("$.applications[0].clientSecret").doesNotExist());

    // the token endpoint needs no auth; a wrong secret is 401, a missing one 422 naming it
    mvc.perform(post("/api/public/v1/applications/token").contentType(MediaType.APPLICATION_JSON)
            .content("{\"client_id\":\"" + clientId + "\",\"client_secret\":\"wrong\",\"grant-type\":\"client_credentials\"}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/api/public/v1/applications/token").contentType(MediaType.APPLICATION_JSON)
            .content("{\"client_id\":\"" + clientId + "\"}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0]").value("client_secret: required"));
    JsonNode token = json.readTree(mvc.perform(post("/api/public/v1/applications/token").contentType(MediaType.APPLICATION_JSON)
            .content("{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + secret + "\",\"grant-type\":\"client_credentials\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.token_type").value("Bearer"))
        .andExpect(jsonPath("$.expires_in").value(not(nullValue())))
        .andReturn().getResponse().getContentAsString());
    String bearer = "Bearer " + token.get("access_token").asText();

    mvc.perform(get("/api/public/v1/applications").header(HttpHeaders.AUTHORIZATION, bearer))
        .andExpect(status().isOk());
    String tampered = bearer.substring(0, bearer.length() - 2) + (bearer.endsWith("A") ? "BB" : "AA");
    mvc.perform(get("/api/public/v1/applications").header(HttpHeaders.AUTHORIZATION, tampered))
        .andExpect(status().isUnauthorized());

    mvc.perform(delete("/api/public/v1/applications/" + app.get("id").asText()).header(HttpHeaders.AUTHORIZATION, adminBasic()))
        .andExpect(status().isNoContent());
    mvc.perform(post("/api/public/v1/applications/token").contentType(MediaType.APPLICATION_JSON)
            .content("{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + secret + "\",\"grant-type\":\"client_credentials\"}"))
        .andExpect(status().isUnauthorized());
  }
}
