package io.airbyte.server.workspace;

import static io.airbyte.server.WebSliceBeans.adminBasic;
import static io.airbyte.server.WebSliceBeans.basic;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airbyte.db.workspace.WorkspaceRepository;
import io.airbyte.server.WebSliceBeans;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The workspaces controller with the real security chain and problem handler, on a real database. */
@WebMvcTest(WorkspacesController.class)
@Import(WebSliceBeans.class)
class WorkspacesControllerTest {

  /** The slice has no sources or destinations: nothing goes with a workspace here (PublicApiIT deletes them with it). */
  @org.springframework.boot.test.context.TestConfiguration
  static class NoResources {
    @org.springframework.context.annotation.Bean
    WorkspaceResources workspaceResources() {
      return workspaceId -> { };
    }
  }

  @Autowired
  MockMvc mvc;
  @Autowired
  WorkspaceRepository workspaces;
  @Autowired
  ObjectMapper json;

  @BeforeEach
  void defaultWorkspace() {
    workspaces.ensureDefault();
  }

  @Test
  void withoutCredentialsEveryCallIs401AsProblemJson() throws Exception {
    mvc.perform(get("/api/public/v1/workspaces"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401));
    mvc.perform(get("/api/public/v1/workspaces").header(HttpHeaders.AUTHORIZATION, basic(WebSliceBeans.ADMIN, "wrong")))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/public/v1/workspaces").header(HttpHeaders.AUTHORIZATION, basic("someone", WebSliceBeans.ADMIN_PASSWORD)))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/public/v1/workspaces").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void adminListsCreatesGetsAndRenames() throws Exception {
    mvc.perform(get("/api/public/v1/workspaces").header(HttpHeaders.AUTHORIZATION, adminBasic()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data[*].name", hasItem("Default Workspace")));
    String created = mvc.perform(post("/api/public/v1/workspaces").header(HttpHeaders.AUTHORIZATION, adminBasic())
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"analytics\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("analytics"))
        .andExpect(jsonPath("$.dataResidency").value("auto"))
        .andReturn().getResponse().getContentAsString();
    String id = json.readTree(created).get("workspaceId").asText();
    mvc.perform(patch("/api/public/v1/workspaces/" + id).header(HttpHeaders.AUTHORIZATION, adminBasic())
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"analytics-eu\"}"))
        .andExpect(status().isOk());
    JsonNode fetched = json.readTree(mvc.perform(get("/api/public/v1/workspaces/" + id)
            .header(HttpHeaders.AUTHORIZATION, adminBasic()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    org.junit.jupiter.api.Assertions.assertEquals("analytics-eu", fetched.get("name").asText());
  }

  @Test
  void malformedJsonIs400MissingNameIs422NamingItUnknownIdIs404() throws Exception {
    mvc.perform(post("/api/public/v1/workspaces").header(HttpHeaders.AUTHORIZATION, adminBasic())
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/public/v1/workspaces").header(HttpHeaders.AUTHORIZATION, adminBasic())
            .contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0]").value("name: required"));
    mvc.perform(get("/api/public/v1/workspaces/" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, adminBasic()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/public/v1/workspaces/not-a-uuid").header(HttpHeaders.AUTHORIZATION, adminBasic()))
        .andExpect(status().isBadRequest());
  }
}
