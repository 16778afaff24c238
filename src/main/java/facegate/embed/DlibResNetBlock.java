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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * face-api's FaceRecognitionNet, a port of dlib's face recognition ResNet, as a DJL block.
 *
 * <p>Input: {@code [N, 3, 150, 150]} RGB already normalised ({@code (v - meanRgb) / 255}). A 7x7
 * stride-2 'valid' convolution to 32 channels, a 3x3 stride-2 'valid' max pool, residual units at
 * 32, 64, 128 and 256 channels, the mean over height and width and a 256x128 matrix product (no
 * bias). Output: {@code [N, 128]}, not normalised.
 */
final class DlibResNetBlock extends AbstractBlock {
  /** Side of the input, in pixels. */
  static final int INPUT_SIZE = 150;

  /** Length of the descriptor. */
  static final int DIMENSION = 128;

  /** Channels, height and width of {@link #trunk}'s output for a 150 px input. */
  static final long[] TRUNK_SHAPE = {128, 8, 8};

  /** Residual units in the trunk (stages 1-3); the rest form stage 4. */
  private static final int TRUNK_UNITS = 10;

  private static final byte VERSION = 1;
  private static final int FEATURES = 256;

  private final DlibConvLayer stem;
  private final List<String> unitNames = new ArrayList<>();
  private final List<DlibResidualBlock> units = new ArrayList<>();
  private final Parameter fc;

  DlibResNetBlock() {
    super(VERSION);
    stem = addChildBlock("conv32_down", new DlibConvLayer(3, 32, 7, 2, false, true));
    unit("conv32_1", 32, 32, false);
    unit("conv32_2", 32, 32, false);
    unit("conv32_3", 32, 32, false);
    unit("conv64_down", 32, 64, true);
    unit("conv64_1", 64, 64, false);
    unit("conv64_2", 64, 64, false);
    unit("conv64_3", 64, 64, false);
    unit("conv128_down", 64, 128, true);
    unit("conv128_1", 128, 128, false);
    unit("conv128_2", 128, 128, false);
    unit("conv256_down", 128, 256, true);
    unit("conv256_1", 256, 256, false);
    unit("conv256_2", 256, 256, false);
    unit("conv256_down_out", 256, 256, true);
    fc =
        addParameter(
            Parameter.builder()
                .setName("fc")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(FEATURES, DIMENSION))
                .build());
  }

  private void unit(String name, int in, int out, boolean down) {
    unitNames.add(name);
    units.add(addChildBlock(name, new DlibResidualBlock(in, out, down)));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray trunk = trunk(store, inputs.singletonOrThrow(), training);
    return new NDList(tail(store, trunk, training));
  }

  /**
   * The frozen part when only stage 4 is trained: the stem, the max pool and the units of stages
   * 1-3 ({@code [N, 3, 150, 150]} to {@code [N, 128, 8, 8]}).
   */
  NDArray trunk(ParameterStore store, NDArray input, boolean training) {
    NDArray x = stem.forward(store, new NDList(input), training).singletonOrThrow();
    x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), false);
    NDList out = new NDList(x);
    for (DlibResidualBlock unit : units.subList(0, TRUNK_UNITS)) {
      out = unit.forward(store, out, training, null);
    }
    return out.singletonOrThrow();
  }

  /** Stage 4, the mean over height and width and the 256x128 head, from {@link #trunk}'s output. */
  NDArray tail(ParameterStore store, NDArray trunk, boolean training) {
    NDList out = new NDList(trunk);
    for (DlibResidualBlock unit : units.subList(TRUNK_UNITS, units.size())) {
      out = unit.forward(store, out, training, null);
    }
    NDArray features = out.singletonOrThrow();
    Shape shape = features.getShape();
    // Mean over height and width (PyTorch's engine reduces one axis at a time).
    NDArray pooled = features.reshape(shape.get(0), shape.get(1), -1).mean(new int[] {2});
    return pooled.matMul(store.getValue(fc, pooled.getDevice(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), DIMENSION)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    stem.initialize(manager, dataType, shapes);
    Shape stemOut = stem.getOutputShapes(shapes)[0];
    Shape[] current = {
      new Shape(
          stemOut.get(0),
          stemOut.get(1),
          (stemOut.get(2) - 3) / 2 + 1,
          (stemOut.get(3) - 3) / 2 + 1)
    };
    for (DlibResidualBlock unit : units) {
      unit.initialize(manager, dataType, current);
      current = unit.getOutputShapes(current);
    }
  }

  /** Folds every scale layer into its convolution ({@link DlibConvLayer#foldScale()}). */
  void foldScales() {
    stem.foldScale();
    for (DlibResidualBlock unit : units) {
      unit.foldScales();
    }
  }

  /** Copies face-api's {@code face_recognition_model} weights into this initialised block. */
  void importTfjs(Map<String, TfjsTensor> weights) {
    stem.importTfjs(weights, "conv32_down");
    for (int i = 0; i < units.size(); i++) {
      units.get(i).importTfjs(weights, unitNames.get(i));
    }
    TfjsImport.set(fc, TfjsImport.matrix(weights, "fc", FEATURES, DIMENSION));
  }
}
