package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * face-api's MobileNetV1 {@code depthwiseConvLayer}: a 3x3 depthwise convolution ('same', stride 1
 * or 2, no bias), inference-mode batch normalisation with TensorFlow's epsilon, then ReLU6.
 */
final class DepthwiseBatchNormBlock extends AbstractBlock {
  /** The epsilon face-api passes to {@code tf.batchNorm} (float32 0.001). */
  static final float EPSILON = 0.0010000000474974513f;

  private static final byte VERSION = 1;

  private final int channels;
  private final TfConv2dBlock depthwise;
  private final Parameter gamma;
  private final Parameter beta;
  private final Parameter mean;
  private final Parameter variance;

  DepthwiseBatchNormBlock(int channels, int stride) {
    super(VERSION);
    this.channels = channels;
    depthwise = addChildBlock("depthwise", TfConv2dBlock.depthwise(channels, 3, stride));
    gamma = addParameter(vector("gamma", Parameter.Type.GAMMA));
    beta = addParameter(vector("beta", Parameter.Type.BETA));
    mean = addParameter(vector("moving_mean", Parameter.Type.RUNNING_MEAN));
    variance = addParameter(vector("moving_variance", Parameter.Type.RUNNING_VAR));
  }

  private Parameter vector(String name, Parameter.Type type) {
    return Parameter.builder().setName(name).setType(type).optShape(new Shape(channels)).build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = depthwise.forward(store, inputs, training, params).head();
    Shape perChannel = new Shape(1, channels, 1, 1);
    NDArray m = perChannel(store, mean, x, training, perChannel);
    NDArray v = perChannel(store, variance, x, training, perChannel);
    NDArray g = perChannel(store, gamma, x, training, perChannel);
    NDArray b = perChannel(store, beta, x, training, perChannel);
    // As tf.batchNorm: (x - mean) * scale * rsqrt(variance + epsilon) + offset.
    NDArray normalised = x.sub(m).mul(g.mul(v.add(EPSILON).sqrt().pow(-1))).add(b);
    return new NDList(normalised.clip(0, 6));
  }

  private static NDArray perChannel(
      ParameterStore store, Parameter parameter, NDArray x, boolean training, Shape shape) {
    return ParameterViews.ownedLike(
        store.getValue(parameter, x.getDevice(), training).reshape(shape), x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return depthwise.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    depthwise.initialize(manager, dataType, shapes);
  }

  /** Reads {@code prefix/depthwise_weights} and {@code prefix/BatchNorm/*}. */
  void importTfjs(Map<String, TfjsTensor> weights, String prefix) {
    depthwise.importTfjs(weights, prefix + "/depthwise_weights", null);
    String norm = prefix + "/BatchNorm/";
    TfjsImport.set(gamma, TfjsImport.vector(weights, norm + "gamma", channels));
    TfjsImport.set(beta, TfjsImport.vector(weights, norm + "beta", channels));
    TfjsImport.set(mean, TfjsImport.vector(weights, norm + "moving_mean", channels));
    TfjsImport.set(variance, TfjsImport.vector(weights, norm + "moving_variance", channels));
  }
}
