package io.airbyte.connector.kit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.connector.kit.rows.Bytes;
import io.airbyte.connector.kit.rows.CsvFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileStagingTest {

  /** What the loader was handed: table, columns and the file's content at that moment. */
  private final List<String> loads = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();

  private FileStaging staging() throws Exception {
    return new FileStaging("airbyte-test-", ".csv", CsvFormat.INSTANCE, (file, table, columns) -> {
      files.add(file);
      loads.add(table + " (" + columns + "): " + Files.readString(file, StandardCharsets.UTF_8));
    });
  }

  private static void write(Staging.TableStage stage, String row) throws Exception {
    Bytes out = stage.row();
    out.putAscii(row + "\n");
    stage.rowWritten();
  }

  @Test
  void rowsAreLoadedPerTableWhenWritesEndAndTheFileStartsAgainEmpty() throws Exception {
    try (FileStaging staging = staging()) {
      Staging.TableStage users = staging.table("\"s\".\"users\"", "\"id\"");
      Staging.TableStage orders = staging.table("\"s\".\"orders\"", "\"id\", \"total\"");
      write(users, "1");
      write(orders, "7,1.5");
      write(users, "2");
      assertThat(loads).as("nothing is loaded before the writes end").isEmpty();

      staging.endWrites();
      assertThat(loads).containsExactly("\"s\".\"users\" (\"id\"): 1\n2\n", "\"s\".\"orders\" (\"id\", \"total\"): 7,1.5\n");

      write(users, "3");
      staging.endWrites();
      staging.endWrites();
      assertThat(loads).hasSize(3).last().isEqualTo("\"s\".\"users\" (\"id\"): 3\n");
    }
  }

  @Test
  void discardedRowsAreNeverLoaded() throws Exception {
    try (FileStaging staging = staging()) {
      Staging.TableStage users = staging.table("t", "c");
      write(users, "lost");
      staging.discard();
      staging.endWrites();
      assertThat(loads).isEmpty();
      write(users, "kept");
      staging.endWrites();
      assertThat(loads).containsExactly("t (c): kept\n");
    }
  }

  @Test
  void aLargeFileIsLoadedBeforeTheWritesEnd() throws Exception {
    try (FileStaging staging = staging()) {
      Staging.TableStage big = staging.table("t", "c");
      String row = "x".repeat(1023);
      for (int i = 0; i < 16 * 1024 + 1; i++) {
        write(big, row);
      }
      assertThat(loads).as("loaded once past 16 MiB, bounding disk use").hasSize(1);
      staging.endWrites();
      assertThat(loads).hasSize(2).last().isEqualTo("t (c): " + row + "\n");
    }
  }

  @Test
  void closingDeletesTheFilesAndTheirDirectory() throws Exception {
    Path directory;
    try (FileStaging staging = staging()) {
      write(staging.table("t", "c"), "1");
      staging.endWrites();
      directory = files.get(0).getParent();
      assertThat(files.get(0)).exists();
    }
    assertThat(files.get(0)).doesNotExist();
    assertThat(directory).doesNotExist();
  }

  @Test
  void gzippedFilesHoldTheRowsAndAreBoundedByTheirRowsBytes() throws Exception {
    List<String> gz = new ArrayList<>();
    try (FileStaging staging = new FileStaging("airbyte-test-", ".csv.gz", CsvFormat.INSTANCE, (file, table, columns) -> {
      try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
        gz.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }, true)) {
      Staging.TableStage t = staging.table("t", "c");
      write(t, "a,\"b\"");
      write(t, "c");
      staging.endWrites();
      assertThat(gz).containsExactly("a,\"b\"\nc\n");
      String row = "y".repeat(1023);
      for (int i = 0; i < 16 * 1024 + 1; i++) {
        write(t, row);
      }
      assertThat(gz).as("a file is loaded once its rows pass 16 MiB, however well they compress").hasSize(2);
      assertThat(gz.get(1)).hasSize(16 * 1024 * 1024);
    }
  }
}
