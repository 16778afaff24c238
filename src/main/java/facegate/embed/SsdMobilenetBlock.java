package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * face-api's SsdMobilenetv1 face detector as a DJL block: {@link MobileNetV1Block}, 8 extra {@link
 * Relu6ConvBlock}s, 6 {@link BoxPredictorBlock}s and the anchor decoding of face-api's {@code
 * outputLayer}.
 *
 * <p>Input: {@code [N, 3, 512, 512]} RGB, {@code pixel / 127.5 - 1}. Output: {@code [N, 5118, 5]},
 * per anchor {@code ymin, xmin, ymax, xmax} relative to the input side (not clipped: may fall
 * outside [0, 1]) and the face score ({@code sigmoid} of class logit 1).
 */
final class SsdMobilenetBlock extends AbstractBlock {
  /** Side of the input, in pixels. */
  static final int INPUT_SIZE = 512;

  /** Anchors for a 512 input: 32²·3 + 16²·6 + 8²·6 + 4²·6 + 2²·6 + 1²·6. */
  static final int ANCHORS = 5118;

  /** Values per anchor in the output: the box (4) and the score. */
  static final int COLUMNS = 5;

  private static final byte VERSION = 1;
  private static final int[][] EXTRA = {
    {1024, 256, 1, 1}, {256, 512, 3, 2}, {512, 128, 1, 1}, {128, 256, 3, 2},
    {256, 128, 1, 1}, {128, 256, 3, 2}, {256, 64, 1, 1}, {64, 128, 3, 2}
  };

  private final MobileNetV1Block backbone;
  private final List<Relu6ConvBlock> extra = new ArrayList<>();
  private final List<BoxPredictorBlock> predictors = new ArrayList<>();
  private final Parameter anchors;

  SsdMobilenetBlock() {
    super(VERSION);
    backbone = addChildBlock("mobilenetv1", new MobileNetV1Block());
    for (int i = 0; i < EXTRA.length; i++) {
      int[] c = EXTRA[i];
      extra.add(addChildBlock("conv_" + i, new Relu6ConvBlock(c[0], c[1], c[2], c[3])));
    }
    int[] inputs = {512, 1024, 512, 256, 256, 128};
    for (int i = 0; i < inputs.length; i++) {
      predictors.add(
          addChildBlock("box_predictor_" + i, new BoxPredictorBlock(inputs[i], i == 0 ? 3 : 6)));
    }
    anchors =
        addParameter(
            Parameter.builder()
                .setName("anchors")
                .setType(Parameter.Type.OTHER)
                .optRequiresGrad(false)
                .optShape(new Shape(ANCHORS, 4))
                .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList features = backbone.forward(store, inputs, training, params);
    List<NDArray> maps = featureMaps(store, features, training, params);
    NDList encodings = new NDList();
    NDList logits = new NDList();
    for (int i = 0; i < predictors.size(); i++) {
      NDList out = predictors.get(i).forward(store, new NDList(maps.get(i)), training, params);
      encodings.add(out.get(0));
      logits.add(out.get(1));
    }
    NDArray encoding = NDArrays.concat(encodings, 1);
    NDArray anchorBoxes = store.getValue(anchors, encoding.getDevice(), training);
    NDArray boxes = decode(anchorBoxes, encoding);
    NDArray scores = Activation.sigmoid(NDArrays.concat(logits, 1).get(new NDIndex(":, :, 1:2")));
    return new NDList(boxes.concat(scores, 2));
  }

  /** The six maps the predictors read: pair 11, the backbone output, extra convs 1, 3, 5, 7. */
  private List<NDArray> featureMaps(
      ParameterStore store, NDList features, boolean training, PairList<String, Object> params) {
    List<NDArray> maps = new ArrayList<>();
    maps.add(features.get(1));
    maps.add(features.get(0));
    NDList current = new NDList(features.get(0));
    for (int i = 0; i < extra.size(); i++) {
      current = extra.get(i).forward(store, current, training, params);
      if (i % 2 == 1) {
        maps.add(current.head());
      }
    }
    return maps;
  }

  /**
   * face-api's {@code decodeBoxesLayer}: anchors {@code [A, 4]} ({@code ymin, xmin, ymax, xmax})
   * and encodings {@code [N, A, 4]} ({@code ty, tx, th, tw}) to boxes {@code [N, A, 4]}: centre
   * {@code anchorCentre + t / 10 * anchorSize}, size {@code exp(t / 5) * anchorSize}.
   */
  static NDArray decode(NDArray anchorBoxes, NDArray encodings) {
    NDArray a = ParameterViews.ownedLike(anchorBoxes.expandDims(0), encodings);
    NDArray anchorMin = a.get(new NDIndex(":, :, 0:2"));
    NDArray anchorSize = a.get(new NDIndex(":, :, 2:4")).sub(anchorMin);
    NDArray anchorCentre = anchorMin.add(anchorSize.div(2));
    NDArray centre =
        encodings.get(new NDIndex(":, :, 0:2")).div(10).mul(anchorSize).add(anchorCentre);
    NDArray half = encodings.get(new NDIndex(":, :, 2:4")).div(5).exp().mul(anchorSize).div(2);
    return centre.sub(half).concat(centre.add(half), 2);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), ANCHORS, COLUMNS)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
    backbone.initialize(manager, dataType, shapes);
    Shape[] features = backbone.getOutputShapes(shapes);
    List<Shape> maps = new ArrayList<>(List.of(features[1], features[0]));
    Shape[] current = {features[0]};
    for (int i = 0; i < extra.size(); i++) {
      extra.get(i).initialize(manager, dataType, current);
      current = extra.get(i).getOutputShapes(current);
      if (i % 2 == 1) {
        maps.add(current[0]);
      }
    }
    for (int i = 0; i < predictors.size(); i++) {
      predictors.get(i).initialize(manager, dataType, maps.get(i));
    }
  }

  /** Copies face-api's {@code ssd_mobilenetv1_model} weights into this initialised block. */
  void importTfjs(Map<String, TfjsTensor> weights) {
    backbone.importTfjs(weights);
    for (int i = 0; i < extra.size(); i++) {
      extra.get(i).importTfjs(weights, "Prediction/Conv2d_" + i + "_pointwise");
    }
    for (int i = 0; i < predictors.size(); i++) {
      predictors.get(i).importTfjs(weights, "Prediction/BoxPredictor_" + i);
    }
    TfjsTensor extraDim = TfjsImport.require(weights, "Output/extra_dim");
    int[] s = extraDim.shape();
    if (s.length != 3 || s[0] != 1 || s[1] != ANCHORS || s[2] != 4) {
      throw TfjsImport.mismatch(extraDim, "[1," + ANCHORS + ",4]");
    }
    TfjsImport.set(anchors, extraDim.values());
  }
}
