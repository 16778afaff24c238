package facegate.vision;

/**
 * The anchor centres of MediaPipe's {@code SsdAnchorsCalculator} with fixed anchor size (its face
 * detectors), relative to the input square: per layer, a grid of {@code ceil(size / stride)} cells,
 * centre offset 0.5; consecutive layers with the same stride share one grid and stack their anchors
 * per cell. Full range: one layer, stride 4, 1 anchor per cell (48 x 48 = 2304 at 192). Short
 * range: strides 8, 16, 16, 16 with 2 anchors per layer (16 x 16 x 2 + 8 x 8 x 6 = 896 at 128).
 */
final class MediaPipeAnchors {
  private MediaPipeAnchors() {}

  /** {@code x, y} per anchor, in MediaPipe's order. */
  static float[] centers(int size, int[] strides, int anchorsPerLayer) {
    if (size < 1 || anchorsPerLayer < 1 || strides.length == 0) {
      throw new IllegalArgumentException("need a size, strides and anchors per layer");
    }
    java.util.List<Float> xy = new java.util.ArrayList<>();
    int layer = 0;
    while (layer < strides.length) {
      int stride = strides[layer];
      int perCell = 0;
      while (layer < strides.length && strides[layer] == stride) {
        perCell += anchorsPerLayer;
        layer++;
      }
      int cells = (size + stride - 1) / stride;
      for (int y = 0; y < cells; y++) {
        for (int x = 0; x < cells; x++) {
          for (int k = 0; k < perCell; k++) {
            xy.add((x + 0.5f) / cells);
            xy.add((y + 0.5f) / cells);
          }
        }
      }
    }
    float[] result = new float[xy.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = xy.get(i);
    }
    return result;
  }
}
