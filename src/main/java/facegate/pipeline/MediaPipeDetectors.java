package facegate.pipeline;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.embed.TfjsImageNetwork;
import facegate.vision.MediaPipeFaceDetector;
import facegate.vision.MediaPipeFaceMesh;
import facegate.vision.MediaPipeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds MediaPipe face detectors from their model folders (a TFJS graph model: one {@code .json}
 * and its weight shards, as under {@code models/mediapipe-face-detection-full}): the network on DJL
 * ({@link TfjsImageNetwork}, input scaled to [-1, 1], output {@code Identity}) wrapped in {@link
 * MediaPipeFaceDetector}. The caller closes what it gets.
 */
public final class MediaPipeDetectors {
  /** The full-range model's folder name under the models folder. */
  public static final String FULL_RANGE_MODEL = "mediapipe-face-detection-full";

  /** MediaPipe FaceMesh's folder name under the models folder. */
  public static final String FACE_MESH_MODEL = "mediapipe-facemesh";

  /** FaceMesh's outputs, in the order {@link MediaPipeFaceMesh} reads them: mesh, face flag. */
  static final List<String> FACE_MESH_OUTPUTS = List.of("Identity_2", "Identity_1");

  /** The short-range model's folder name under the models folder. */
  public static final String SHORT_RANGE_MODEL = "mediapipe-face-detection-short";

  /**
   * The pipeline's short-range settings: the photo takes 0.7 of the square, so that a face filling
   * the frame keeps a margin (measured on CFP: docs/vision-detect-rate.md).
   */
  public static final MediaPipeSettings SHORT_RANGE_SETTINGS =
      MediaPipeSettings.defaults().withFill(0.7);

  /** The pipeline's full-range settings: MediaPipe's letterbox (fill 1), score 0.5. */
  public static final MediaPipeSettings FULL_RANGE_SETTINGS = MediaPipeSettings.defaults();

  private MediaPipeDetectors() {}

  /**
   * The detector of {@code range} over the graph model in {@code modelDir}.
   *
   * @throws FaceException MODEL_NOT_FOUND when the folder holds no single {@code .json}, or
   *     MODEL_INVALID
   */
  public static MediaPipeFaceDetector load(
      Path modelDir, MediaPipeFaceDetector.Range range, MediaPipeSettings settings) {
    TfjsImageNetwork network =
        TfjsImageNetwork.load(modelJson(modelDir), "Identity", 1 / 127.5f, -1f);
    return new MediaPipeFaceDetector(network, range, settings);
  }

  /**
   * MediaPipe FaceMesh over the graph model in {@code modelDir} (as under {@code
   * models/mediapipe-facemesh}): input {@code x / 255} as human feeds it, outputs the mesh then the
   * face flag.
   *
   * @throws FaceException MODEL_NOT_FOUND or MODEL_INVALID
   */
  public static MediaPipeFaceMesh loadFaceMesh(Path modelDir) {
    return new MediaPipeFaceMesh(
        TfjsImageNetwork.load(modelJson(modelDir), FACE_MESH_OUTPUTS, 1 / 255f, 0f));
  }

  /** The one TFJS graph model {@code .json} in {@code modelDir} (MODEL_NOT_FOUND otherwise). */
  static Path modelJson(Path modelDir) {
    List<Path> candidates;
    try (Stream<Path> files = Files.list(modelDir)) {
      candidates = files.filter(file -> file.toString().endsWith(".json")).toList();
    } catch (IOException e) {
      throw new FaceException(
          ErrorCode.MODEL_NOT_FOUND,
          "cannot read the detector model folder " + modelDir + ": " + e.getMessage(),
          e);
    }
    if (candidates.size() != 1) {
      throw new FaceException(
          ErrorCode.MODEL_NOT_FOUND,
          modelDir + " should hold exactly one TFJS graph model .json, holds " + candidates.size());
    }
    return candidates.get(0);
  }
}
