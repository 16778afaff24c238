package facegate.embed;

import facegate.core.AnchorScores;
import facegate.core.DetectionNetwork;
import facegate.core.RgbImage;
import java.nio.file.Path;
import java.util.List;

/**
 * face-api's SsdMobilenetv1 (converted by {@link FaceApiConverter}) on DJL: per 512x512 RGB image,
 * 5118 anchor boxes with face scores. Thread-safe: up to {@code predictors} calls run at once. The
 * detector built on it ({@code facegate.vision.SsdFaceDetector}) sees only {@link
 * DetectionNetwork}: no DJL type crosses.
 */
public final class DjlSsdMobilenet implements DetectionNetwork {
  private final PredictorPool pool;

  private DjlSsdMobilenet(PredictorPool pool) {
    this.pool = pool;
  }

  /**
   * Loads the model in {@code modelDir} (e.g. {@code models/ssd-mobilenetv1-faceapi}).
   *
   * @param predictors how many calls may run concurrently, at least 1
   * @throws facegate.core.FaceException MODEL_NOT_FOUND when the directory has no model.json,
   *     MODEL_INVALID when it is not this network or cannot be loaded
   */
  public static DjlSsdMobilenet load(Path modelDir, int predictors) {
    return new DjlSsdMobilenet(
        PredictorPool.load(modelDir, FaceApiNetwork.SSD_MOBILENET, predictors, 1));
  }

  @Override
  public int inputSize() {
    return pool.inputSize();
  }

  @Override
  public AnchorScores detect(RgbImage square) {
    float[] rows = pool.run(List.of(square)).get(0);
    int anchors = rows.length / SsdMobilenetBlock.COLUMNS;
    float[] boxes = new float[anchors * 4];
    float[] scores = new float[anchors];
    for (int i = 0; i < anchors; i++) {
      int row = i * SsdMobilenetBlock.COLUMNS;
      System.arraycopy(rows, row, boxes, i * 4, 4);
      scores[i] = rows[row + 4];
    }
    return new AnchorScores(boxes, scores);
  }

  @Override
  public void close() {
    pool.close();
  }
}
