package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * One SSD box predictor: two 1x1 convolutions with bias over a feature map, one giving 4 box
 * encodings and one giving 3 class logits per anchor ({@code anchors} anchors per cell).
 *
 * <p>Outputs {@code [N, H * W * anchors, 4]} and {@code [N, H * W * anchors, 3]} in TensorFlow's
 * anchor order (row, column, anchor): the NCHW convolution output is moved to NHWC before the
 * reshape, as face-api reshapes NHWC tensors.
 */
final class BoxPredictorBlock extends AbstractBlock {
  static final int ENCODING = 4;
  static final int CLASSES = 3;

  private static final byte VERSION = 1;

  private final int anchors;
  private final TfConv2dBlock boxEncoding;
  private final TfConv2dBlock classes;

  BoxPredictorBlock(int in, int anchors) {
    super(VERSION);
    this.anchors = anchors;
    boxEncoding =
        addChildBlock("box_encoding", TfConv2dBlock.conv(in, anchors * ENCODING, 1, 1, true));
    classes = addChildBlock("class", TfConv2dBlock.conv(in, anchors * CLASSES, 1, 1, true));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray encodings = boxEncoding.forward(store, inputs, training, params).head();
    NDArray logits = classes.forward(store, inputs, training, params).head();
    return new NDList(toAnchorRows(encodings, ENCODING), toAnchorRows(logits, CLASSES));
  }

  /** {@code [N, C * k, H, W]} to {@code [N, H * W * C, k]}, in NHWC order. */
  static NDArray toAnchorRows(NDArray nchw, int columns) {
    return nchw.transpose(0, 2, 3, 1).reshape(nchw.getShape().get(0), -1, columns);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    long rows = in.get(2) * in.get(3) * anchors;
    return new Shape[] {new Shape(in.get(0), rows, ENCODING), new Shape(in.get(0), rows, CLASSES)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    boxEncoding.initialize(manager, dataType, shapes);
    classes.initialize(manager, dataType, shapes);
  }

  /** Reads {@code prefix/BoxEncodingPredictor/*} and {@code prefix/ClassPredictor/*}. */
  void importTfjs(Map<String, TfjsTensor> weights, String prefix) {
    String box = prefix + "/BoxEncodingPredictor/";
    boxEncoding.importTfjs(weights, box + "weights", box + "biases");
    String cls = prefix + "/ClassPredictor/";
    classes.importTfjs(weights, cls + "weights", cls + "biases");
  }
}
