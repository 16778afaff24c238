package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * One convolution of face-api's dlib ResNet port: convolution plus bias, then the per-channel scale
 * layer ({@code x * weights + biases}), then an optional ReLU.
 */
final class DlibConvLayer extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int channels;
  private final boolean relu;
  private final TfConv2dBlock conv;
  private final Parameter scaleWeights;
  private final Parameter scaleBiases;
  private boolean scaleFolded;

  DlibConvLayer(int in, int out, int kernel, int stride, boolean same, boolean relu) {
    super(VERSION);
    this.channels = out;
    this.relu = relu;
    conv = addChildBlock("conv", TfConv2dBlock.conv(in, out, kernel, stride, same));
    scaleWeights = addParameter(vectorParameter("scale_weights", out));
    scaleBiases = addParameter(vectorParameter("scale_biases", out));
  }

  static Parameter vectorParameter(String name, int length) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(new Shape(length))
        .build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = conv.forward(store, inputs, training, params).singletonOrThrow();
    if (scaleFolded) {
      return new NDList(relu ? Activation.relu(x) : x);
    }
    Shape perChannel = new Shape(1, channels, 1, 1);
    NDArray weights =
        ParameterViews.ownedLike(
            store.getValue(scaleWeights, x.getDevice(), training).reshape(perChannel), x);
    NDArray biases =
        ParameterViews.ownedLike(
            store.getValue(scaleBiases, x.getDevice(), training).reshape(perChannel), x);
    NDArray out = x.mul(weights).add(biases);
    return new NDList(relu ? Activation.relu(out) : out);
  }

  /**
   * Folds the scale layer into the convolution for inference: {@code s * (W*x + b) + t} is {@code
   * (s*W)*x + (s*b + t)}, so the weights become {@code s*W}, the bias {@code s*b + t}, and the
   * forward pass skips two element-wise passes over the layer's output. The scale parameters become
   * 1 and 0, so the block computes the same function whether or not a later forward skips them. Not
   * for training: the scale is no longer learnt separately.
   */
  void foldScale() {
    if (scaleFolded) {
      return;
    }
    NDArray scale = scaleWeights.getArray();
    NDArray shift = scaleBiases.getArray();
    conv.scaleOutputs(scale, shift);
    scale.muli(0).addi(1);
    shift.muli(0);
    scaleFolded = true;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return conv.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    conv.initialize(manager, dataType, shapes);
  }

  /** Reads {@code prefix/conv/filters}, {@code prefix/conv/bias} and {@code prefix/scale/*}. */
  void importTfjs(Map<String, TfjsTensor> weights, String prefix) {
    conv.importTfjs(weights, prefix + "/conv/filters", prefix + "/conv/bias");
    TfjsImport.set(scaleWeights, TfjsImport.vector(weights, prefix + "/scale/weights", channels));
    TfjsImport.set(scaleBiases, TfjsImport.vector(weights, prefix + "/scale/biases", channels));
  }
}
