package facegate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The commit of the working folder, for manifests. */
final class GitCommit {
  private GitCommit() {}

  /** {@code git rev-parse HEAD} (with {@code -dirty} when there are local changes), or unknown. */
  static String head() {
    try {
      String commit = run("git", "rev-parse", "HEAD");
      String status = run("git", "status", "--porcelain", "--untracked-files=no");
      return commit.isEmpty() ? "unknown" : commit + (status.isEmpty() ? "" : "-dirty");
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.waitFor() == 0 ? output.strip() : "";
  }
}
