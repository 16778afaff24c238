package facegate.cli;

import facegate.pipeline.FaceService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code identify}: the enrolled people most like a photo; prints {@code {unknown, candidates}}.
 */
@Command(name = "identify", description = "Find the enrolled people most like a photo.")
final class IdentifyCommand implements Callable<Integer> {
  @Option(
      names = "--k",
      defaultValue = "" + FaceService.DEFAULT_CANDIDATES,
      description = "Candidates to list, 1-100 (default: ${DEFAULT-VALUE}).")
  int k;

  @Parameters(index = "0", description = "Photo to identify.")
  Path photo;

  @Mixin GalleryCommandOptions options;

  @Override
  public Integer call() {
    return options.run(faces -> JsonLine.of(faces.identify(GalleryCommandOptions.read(photo), k)));
  }
}
