package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import facegate.core.Embedding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person removed from the PostgreSQL store leaves no trace (name, template bytes) in the
 * database's files: every file under {@code base/<database>/} of the server's data directory is
 * searched after a {@code CHECKPOINT} (which writes the pages to them). The test needs the data
 * directory on this machine ({@code bash .ci/postgres} makes one); without it, it is skipped
 * locally and fails in CI. The WAL still holds the rows: the test prints how many traces it finds
 * there, asserting nothing about it.
 */
class PostgresErasureIT {
  private static final int DIMENSION = 128;
  private static final GalleryOptions OPTIONS = GalleryOptions.of("erasure-model", DIMENSION);
  private static final int PEOPLE = 6;
  private static final int VICTIM = 4;

  private final String token = UUID.randomUUID().toString().substring(0, 8);
  private final List<List<Embedding>> templates = new ArrayList<>();
  private String schemaUrl;

  @BeforeEach
  void createSchema() throws SQLException {
    schemaUrl = TestPostgres.freshSchemaUrl();
    RandomEmbeddings random = new RandomEmbeddings(token.hashCode(), DIMENSION);
    for (int i = 0; i < PEOPLE; i++) {
      templates.add(random.next(2));
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    TestPostgres.dropSchema(schemaUrl);
  }

  @Test
  void removedPersonIsInNoTableFile() throws SQLException {
    Path database = databaseDirectory();
    try (PostgresGallery node = PostgresGallery.open(TestPostgres.settings(schemaUrl), OPTIONS)) {
      for (int i = 0; i < PEOPLE; i++) {
        node.enroll("p-" + i, name(i), templates.get(i));
      }
      checkpoint();
      assertFalse(victimTraces(database).isEmpty(), "the search finds the victim while enrolled");

      assertTrue(node.remove("p-" + VICTIM));
      checkpoint();
      assertEquals(List.of(), victimTraces(database), "traces of the removed person");
    }
    try (PostgresGallery node = PostgresGallery.open(TestPostgres.settings(schemaUrl), OPTIONS)) {
      assertEquals(PEOPLE - 1, node.size());
      for (int i = 0; i < PEOPLE; i++) {
        if (i == VICTIM) {
          assertTrue(node.find("p-" + i).isEmpty());
          continue;
        }
        assertEquals(name(i), node.find("p-" + i).orElseThrow().name());
        for (Embedding template : templates.get(i)) {
          assertEquals(1.0, node.compare("p-" + i, template).orElseThrow().score(), 1e-5);
        }
      }
    }
    Path wal = database.getParent().getParent().resolve("pg_wal");
    System.out.printf(
        "PostgresErasureIT: the removed person is in no table file; pg_wal still holds %d"
            + " traces of them (until its segments are recycled)%n",
        victimTraces(wal).size());
  }

  private String name(int index) {
    return "Zoë " + index + " Erasure " + token;
  }

  private List<String> victimTraces(Path folder) {
    return ErasureTraces.find(folder, Map.of(name(VICTIM), templates.get(VICTIM)));
  }

  private void checkpoint() throws SQLException {
    try (Connection connection = DriverManager.getConnection(TestPostgres.url());
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    }
  }

  /** {@code <data_directory>/base/<oid of the database>}, when this process can read it. */
  private Path databaseDirectory() throws SQLException {
    try (Connection connection = DriverManager.getConnection(TestPostgres.url());
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT current_setting('data_directory'), oid FROM pg_database"
                    + " WHERE datname = current_database()")) {
      rs.next();
      Path directory = Path.of(rs.getString(1), "base", Long.toString(rs.getLong(2)));
      if (!Files.isReadable(directory)) {
        String missing =
            "the PostgreSQL data directory "
                + directory
                + " is not readable here: run the test on the server's machine as its user or"
                + " root (bash .ci/postgres)";
        if (System.getenv("CI") != null) {
          fail(missing);
        }
        assumeTrue(false, missing);
      }
      return directory;
    }
  }
}
