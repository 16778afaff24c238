package facegate.embed;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import facegate.core.RgbImage;

/**
 * Square RGB image to a normalised {@code [3, side, side]} float array ({@code (v - mean) *
 * scale}), and the network's output row back to floats. Batches are stacked by DJL's default
 * batchifier into one NCHW tensor.
 */
final class RgbTranslator implements Translator<RgbImage, float[]> {
  private final int side;
  private final float[] mean;
  private final float scale;

  RgbTranslator(ModelCard card) {
    side = card.inputSize();
    double[] meanRgb = card.meanRgb();
    mean = new float[] {(float) meanRgb[0], (float) meanRgb[1], (float) meanRgb[2]};
    scale = (float) card.scale();
  }

  @Override
  public NDList processInput(TranslatorContext context, RgbImage image) {
    if (image.width() != side || image.height() != side) {
      throw new IllegalArgumentException(
          "expected a "
              + side
              + "x"
              + side
              + " image, got "
              + image.width()
              + "x"
              + image.height());
    }
    int plane = side * side;
    float[] chw = new float[3 * plane];
    byte[] rgb = image.rgb();
    for (int pixel = 0; pixel < plane; pixel++) {
      for (int c = 0; c < 3; c++) {
        chw[c * plane + pixel] = ((rgb[pixel * 3 + c] & 0xff) - mean[c]) * scale;
      }
    }
    return new NDList(context.getNDManager().create(chw, new Shape(3, side, side)));
  }

  @Override
  public float[] processOutput(TranslatorContext context, NDList list) {
    return list.singletonOrThrow().toFloatArray();
  }
}
