package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Map;

/**
 * face-api's FaceLandmark68Net as a DJL block: four {@link DenseBlock4}s (32, 64, 128, 256
 * channels; 112 to 7 pixels), a 7x7 stride-2 'valid' average pool, flattened in TensorFlow's NHWC
 * order, and a fully connected 256 to 136 layer with bias.
 *
 * <p>Input: {@code [N, 3, 112, 112]} RGB normalised ({@code (v - meanRgb) / 255}). Output: {@code
 * [N, 136]}, x,y interleaved, relative to the input side (multiply by 112 for pixels).
 */
final class FaceLandmark68Block extends AbstractBlock {
  /** Side of the input, in pixels. */
  static final int INPUT_SIZE = 112;

  /** Number of outputs: 68 points, x and y. */
  static final int DIMENSION = 136;

  private static final byte VERSION = 1;
  private static final int FEATURES = 256;

  private final List<DenseBlock4> dense;
  private final Parameter fcWeights;
  private final Parameter fcBias;

  FaceLandmark68Block() {
    super(VERSION);
    dense =
        List.of(
            addChildBlock("dense0", new DenseBlock4(3, 32, true)),
            addChildBlock("dense1", new DenseBlock4(32, 64, false)),
            addChildBlock("dense2", new DenseBlock4(64, 128, false)),
            addChildBlock("dense3", new DenseBlock4(128, FEATURES, false)));
    fcWeights =
        addParameter(
            Parameter.builder()
                .setName("fc_weights")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(FEATURES, DIMENSION))
                .build());
    fcBias = addParameter(DlibConvLayer.vectorParameter("fc_bias", DIMENSION));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList out = inputs;
    for (DenseBlock4 block : dense) {
      out = block.forward(store, out, training, params);
    }
    NDArray pooled =
        Pool.avgPool2d(out.head(), new Shape(7, 7), new Shape(2, 2), new Shape(0, 0), false, true);
    // TensorFlow flattens NHWC: move channels last before flattening.
    NDArray flat = pooled.transpose(0, 2, 3, 1).reshape(pooled.getShape().get(0), -1);
    NDArray weights = store.getValue(fcWeights, flat.getDevice(), training);
    NDArray bias = store.getValue(fcBias, flat.getDevice(), training);
    return new NDList(flat.matMul(weights).add(bias));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), DIMENSION)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    Shape[] current = shapes;
    for (DenseBlock4 block : dense) {
      block.initialize(manager, dataType, current);
      current = block.getOutputShapes(current);
    }
  }

  /** Copies face-api's {@code face_landmark_68_model} weights into this initialised block. */
  void importTfjs(Map<String, TfjsTensor> weights) {
    for (int i = 0; i < dense.size(); i++) {
      dense.get(i).importTfjs(weights, "dense" + i);
    }
    TfjsImport.set(fcWeights, TfjsImport.matrix(weights, "fc/weights", FEATURES, DIMENSION));
    TfjsImport.set(fcBias, TfjsImport.vector(weights, "fc/bias", DIMENSION));
  }
}
