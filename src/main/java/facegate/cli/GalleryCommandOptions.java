package facegate.cli;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.InferenceMetrics;
import facegate.gallery.Gallery;
import facegate.pipeline.Composition;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.FaceService;
import facegate.pipeline.ServiceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that work on a gallery folder without a server ({@code enroll},
 * {@code verify}, {@code identify}), and the one way they open it: the same pipeline, gallery and
 * {@link FaceService} the HTTP service uses.
 */
final class GalleryCommandOptions {
  @Option(
      names = "--gallery",
      required = true,
      description = "Gallery folder (created if missing).")
  Path gallery;

  @Option(
      names = "--threshold",
      description =
          "Verify threshold (cosine), also used by identify; default: the model's calibrated"
              + " verifyThreshold (identify: its identifyThreshold when calibrated).")
  Double threshold;

  @Mixin ModelOptions models;

  /**
   * Runs {@code work} against the gallery and prints the JSON line it returns; a facegate error
   * prints {@code {"code","message"}} instead.
   *
   * @return the exit code: 0 on success, 1 on a facegate error
   */
  int run(Function<FaceService, String> work) {
    ServiceSettings settings =
        ServiceSettings.folder(
            gallery,
            threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
            "--threshold");
    try (FaceRecognizer recognizer = models.open(1);
        Gallery opened = Composition.gallery(settings, recognizer)) {
      FaceService service =
          Composition.service(
              settings,
              recognizer,
              opened,
              Composition.crops(settings, opened),
              InferenceMetrics.NONE);
      System.out.println(work.apply(service));
      return 0;
    } catch (FaceException e) {
      System.out.println(JsonLine.error(e));
      return 1;
    }
  }

  /** The bytes of a photo file; an unreadable file is {@code malformed_request}. */
  static byte[] read(Path photo) {
    try {
      return Files.readAllBytes(photo);
    } catch (IOException e) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "cannot read " + photo + ": " + e, e);
    }
  }
}
