package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.gallery.AuditEntry;
import facegate.gallery.AuditLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
  @TempDir Path gallery;

  @Test
  void printsTheLatestEntriesAsJsonLines() {
    try (AuditLog log = AuditLog.open(gallery)) {
      log.append(AuditEntry.now("admin#1", "admin", "enroll", "alice", null, "enrolled"));
      log.append(AuditEntry.now("verifier#1", "verifier", "verify", "alice", 0.95, "match"));
    }
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit =
          new CommandLine(new FacegateCommand())
              .execute("audit", "--gallery", gallery.toString(), "--limit", "1");
    } finally {
      System.setOut(original);
    }
    assertEquals(0, exit);
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertEquals(1, lines.length);
    assertTrue(lines[0].contains("\"action\":\"verify\""), lines[0]);
    assertTrue(lines[0].contains("\"score\":0.95"), lines[0]);
  }
}
