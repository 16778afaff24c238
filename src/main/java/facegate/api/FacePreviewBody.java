package facegate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import facegate.core.FaceBox;
import facegate.pipeline.FacePreview;
import facegate.pose.FaceView;
import facegate.vision.PngEncoder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code POST /v1/faces/detect}: the decoded image's size, every face found (largest first), and
 * the largest face's aligned chip as a Base64 PNG ({@code null} when there is no face).
 *
 * @param chipPng Base64 of a PNG, {@code chipSize} pixels square; null when {@code faces} is empty
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FacePreviewBody(
    int width, int height, List<FaceBody> faces, String chipPng, int chipSize) {

  /**
   * One detected face, in pixels of the decoded image.
   *
   * @param score detector confidence (cascade: neighbour count; SSD: probability)
   * @param detector {@code frontal}, {@code profile_left}, {@code profile_right} or {@code any}
   *     (MediaPipe, SSD)
   * @param view {@code frontal}, {@code half}, {@code profile} or {@code unknown} ({@link
   *     ViewFields})
   * @param yawDegrees positive when the nose points towards the image's right edge; null when
   *     unknown
   */
  @Serdeable
  public record FaceBody(
      double x,
      double y,
      double width,
      double height,
      double score,
      String detector,
      String view,
      @Nullable Double yawDegrees) {
    static FaceBody of(FaceBox box, FaceView view) {
      return new FaceBody(
          box.x(),
          box.y(),
          box.width(),
          box.height(),
          box.score(),
          box.view().name().toLowerCase(java.util.Locale.ROOT),
          ViewFields.name(view),
          ViewFields.yaw(view));
    }
  }

  static FacePreviewBody of(FacePreview preview) {
    return new FacePreviewBody(
        preview.width(),
        preview.height(),
        IntStream.range(0, preview.boxes().size())
            .mapToObj(i -> FaceBody.of(preview.boxes().get(i), preview.views().get(i)))
            .toList(),
        preview
            .largest()
            .map(face -> Base64.getEncoder().encodeToString(PngEncoder.encode(face.chip())))
            .orElse(null),
        preview.largest().map(face -> face.chip().width()).orElse(0));
  }
}
