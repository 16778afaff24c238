package facegate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code verify}: whether a photo shows an enrolled person or the same person as another photo;
 * prints {@code {match, score, threshold}}. Exit code 0 for either decision.
 */
@Command(name = "verify", description = "Verify a photo against a person or another photo.")
final class VerifyCommand implements Callable<Integer> {
  static final class Against {
    @Option(names = "--id", description = "Enrolled person to compare with.")
    String id;

    @Option(names = "--other", description = "Second photo to compare with.")
    Path other;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Against against;

  @Parameters(index = "0", description = "Photo to verify.")
  Path photo;

  @Mixin GalleryCommandOptions options;

  @Override
  public Integer call() {
    return options.run(
        faces ->
            JsonLine.of(
                against.id != null
                    ? faces.verify(GalleryCommandOptions.read(photo), against.id)
                    : faces.verifyPhotos(
                        GalleryCommandOptions.read(photo),
                        GalleryCommandOptions.read(against.other))));
  }
}
