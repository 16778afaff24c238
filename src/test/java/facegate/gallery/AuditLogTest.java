package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path folder;

  @Test
  void appendsAcrossReopensAndReadsTheTail() {
    try (AuditLog log = AuditLog.open(folder)) {
      log.append(AuditEntry.now("admin#1", "admin", "enroll", "alice", null, "enrolled"));
      log.append(AuditEntry.now("verifier#2", "verifier", "verify", "alice", 0.93, "match"));
    }
    try (AuditLog log = AuditLog.open(folder)) {
      log.append(AuditEntry.now("admin#1", "admin", "delete", "alice", null, "deleted"));
      List<AuditEntry> all = log.tail(10);
      assertEquals(
          List.of("enroll", "verify", "delete"), all.stream().map(AuditEntry::action).toList());
      assertEquals(0.93, all.get(1).score());
      assertNull(all.get(0).score());
      assertEquals(List.of("delete"), log.tail(1).stream().map(AuditEntry::action).toList());
    }
    assertEquals(3, AuditLog.tail(folder, 100).size());
  }

  @Test
  void aPartialLastLineFromACrashIsSkippedAndEndedOnOpen() throws IOException {
    try (AuditLog log = AuditLog.open(folder)) {
      log.append(AuditEntry.now("admin#1", "admin", "enroll", "alice", null, "enrolled"));
    }
    Files.writeString(
        folder.resolve(AuditLog.FILE_NAME),
        "{\"at\":\"2026-01-01T00:00:00Z\",\"who\":\"adm",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    assertEquals(1, AuditLog.tail(folder, 10).size());
    try (AuditLog log = AuditLog.open(folder)) {
      log.append(AuditEntry.now("admin#1", "admin", "delete", "alice", null, "deleted"));
      assertEquals(
          List.of("enroll", "delete"), log.tail(10).stream().map(AuditEntry::action).toList());
    }
  }

  @Test
  void aMissingLogReadsAsEmpty() {
    assertEquals(List.of(), AuditLog.tail(folder.resolve("nothing-here"), 10));
  }
}
