package facegate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enroll}: adds a person to a gallery folder from one photo; prints the person. */
@Command(name = "enroll", description = "Enroll a person into a gallery folder from one photo.")
final class EnrollCommand implements Callable<Integer> {
  @Option(names = "--id", required = true, description = "Person id: letters, digits, . _ - @")
  String id;

  @Option(names = "--name", description = "Display name.")
  String name;

  @Option(
      names = "--pose-views",
      description = "Also store the face's 3D re-renderings at ±20°, ±40°, ±60° yaw as templates.")
  boolean poseViews;

  @Parameters(index = "0", description = "Photo of the person.")
  Path photo;

  @Mixin GalleryCommandOptions options;

  @Override
  public Integer call() {
    return options.run(
        faces -> JsonLine.of(faces.enroll(id, name, GalleryCommandOptions.read(photo), poseViews)));
  }
}
