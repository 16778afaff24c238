package facegate.cli;

import com.google.gson.Gson;
import facegate.gallery.AuditEntry;
import facegate.gallery.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audit}: prints the latest entries of a gallery folder's audit log, one JSON object per
 * line, oldest first. Reads only: safe while the service runs.
 */
@Command(
    name = "audit",
    description = "Print the latest audit log entries (enroll, delete, verify, identify).")
final class AuditCommand implements Callable<Integer> {
  private static final Gson GSON = new Gson();

  @Option(names = "--gallery", required = true, description = "Gallery folder.")
  Path gallery;

  @Option(
      names = "--limit",
      defaultValue = "100",
      description = "Entries to print, the latest (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (!Files.isDirectory(gallery)) {
      System.err.println("no gallery folder " + gallery);
      return 1;
    }
    List<AuditEntry> entries = AuditLog.tail(gallery, Math.max(0, limit));
    entries.forEach(entry -> System.out.println(GSON.toJson(entry)));
    return 0;
  }
}
