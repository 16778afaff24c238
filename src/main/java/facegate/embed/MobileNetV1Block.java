package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MobileNetV1 backbone of face-api's SSD: a 3x3 stride-2 convolution to 32 channels, then 13
 * pairs of depthwise ({@link DepthwiseBatchNormBlock}, stride 2 at pairs 2, 4, 6 and 12) and 1x1
 * pointwise ({@link Relu6ConvBlock}) layers. For a 512 input the output is {@code [N, 1024, 16,
 * 16]}; the output of pair 11 ({@code [N, 512, 32, 32]}) is returned as well, second.
 */
final class MobileNetV1Block extends AbstractBlock {
  /** Output channels of pair 1..13. */
  private static final int[] CHANNELS = {
    64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024
  };

  /** The pair whose output feeds the first box predictor. */
  static final int TAP = 11;

  private static final byte VERSION = 1;

  private final Relu6ConvBlock stem;
  private final List<DepthwiseBatchNormBlock> depthwise = new ArrayList<>();
  private final List<Relu6ConvBlock> pointwise = new ArrayList<>();

  MobileNetV1Block() {
    super(VERSION);
    stem = addChildBlock("conv_0", new Relu6ConvBlock(3, 32, 3, 2));
    int in = 32;
    for (int pair = 1; pair <= CHANNELS.length; pair++) {
      int stride = pair == 2 || pair == 4 || pair == 6 || pair == 12 ? 2 : 1;
      int out = CHANNELS[pair - 1];
      depthwise.add(
          addChildBlock("conv_" + pair + "_depthwise", new DepthwiseBatchNormBlock(in, stride)));
      pointwise.add(
          addChildBlock("conv_" + pair + "_pointwise", new Relu6ConvBlock(in, out, 1, 1)));
      in = out;
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList out = stem.forward(store, inputs, training, params);
    NDArray tap = null;
    for (int i = 0; i < depthwise.size(); i++) {
      out = depthwise.get(i).forward(store, out, training, params);
      out = pointwise.get(i).forward(store, out, training, params);
      if (i + 1 == TAP) {
        tap = out.head();
      }
    }
    return new NDList(out.head(), tap);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] current = stem.getOutputShapes(inputShapes);
    Shape tap = null;
    for (int i = 0; i < depthwise.size(); i++) {
      current = pointwise.get(i).getOutputShapes(depthwise.get(i).getOutputShapes(current));
      if (i + 1 == TAP) {
        tap = current[0];
      }
    }
    return new Shape[] {current[0], tap};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    stem.initialize(manager, dataType, shapes);
    Shape[] current = stem.getOutputShapes(shapes);
    for (int i = 0; i < depthwise.size(); i++) {
      depthwise.get(i).initialize(manager, dataType, current);
      current = depthwise.get(i).getOutputShapes(current);
      pointwise.get(i).initialize(manager, dataType, current);
      current = pointwise.get(i).getOutputShapes(current);
    }
  }

  /** Reads the {@code MobilenetV1/Conv2d_*} weights. */
  void importTfjs(Map<String, TfjsTensor> weights) {
    stem.importTfjs(weights, "MobilenetV1/Conv2d_0_pointwise");
    for (int pair = 1; pair <= depthwise.size(); pair++) {
      depthwise.get(pair - 1).importTfjs(weights, "MobilenetV1/Conv2d_" + pair + "_depthwise");
      pointwise.get(pair - 1).importTfjs(weights, "MobilenetV1/Conv2d_" + pair + "_pointwise");
    }
  }
}
