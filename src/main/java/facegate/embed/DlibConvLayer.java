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
