package facegate.embed;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * face-api's FaceLandmark68Net (converted by {@link FaceApiConverter}) on DJL: 68 points per
 * 112x112 RGB crop, in pixels of the crop (the network's relative output times 112). Points may
 * fall slightly outside the crop. Thread-safe: up to {@code predictors} calls run at once.
 */
public final class DjlLandmarkLocator implements LandmarkLocator {
  private final PredictorPool pool;

  private DjlLandmarkLocator(PredictorPool pool) {
    this.pool = pool;
  }

  /**
   * Loads the model in {@code modelDir} (e.g. {@code models/landmark68-faceapi}).
   *
   * @param predictors how many calls may run concurrently, at least 1
   * @param batchSize crops per forward pass, at least 1
   * @throws facegate.core.FaceException MODEL_NOT_FOUND when the directory has no model.json,
   *     MODEL_INVALID when it is not this network or cannot be loaded
   */
  public static DjlLandmarkLocator load(Path modelDir, int predictors, int batchSize) {
    return new DjlLandmarkLocator(
        PredictorPool.load(modelDir, FaceApiNetwork.LANDMARKS, predictors, batchSize));
  }

  /** {@link #load(Path, int, int)} with 2 predictors and batches of 32. */
  public static DjlLandmarkLocator load(Path modelDir) {
    return load(modelDir, 2, DjlFaceEmbedder.DEFAULT_BATCH_SIZE);
  }

  @Override
  public int inputSize() {
    return pool.inputSize();
  }

  @Override
  public List<Landmarks> locate(List<RgbImage> crops) {
    List<float[]> raw = pool.run(crops);
    List<Landmarks> landmarks = new ArrayList<>(raw.size());
    for (float[] relative : raw) {
      double[] xy = new double[relative.length];
      for (int i = 0; i < xy.length; i++) {
        xy[i] = relative[i] * (double) pool.inputSize();
      }
      landmarks.add(new Landmarks(xy));
    }
    return landmarks;
  }

  @Override
  public void close() {
    pool.close();
  }
}
