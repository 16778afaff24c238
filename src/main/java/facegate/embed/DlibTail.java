package facegate.embed;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.util.PairList;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The imported dlib ResNet split for cheap fine-tuning: the trunk (stem and stages 1-3) stays
 * frozen, so its output ({@link #featureLength()} floats per chip) can be computed once per chip
 * and cached; only stage 4 and the 256x128 head are trained, from those cached features. The
 * trained weights are the wrapped {@link TrainableNetwork}'s, saved through it.
 */
public final class DlibTail implements AutoCloseable {
  private static final int BATCH = 16;

  private final TrainableNetwork network;
  private final DlibResNetBlock block;
  private final Model tailModel;

  private DlibTail(TrainableNetwork network) {
    this.network = network;
    this.block = (DlibResNetBlock) network.model().getBlock();
    this.tailModel = Model.newInstance("dlib-tail", network.model().getNDManager().getDevice());
    tailModel.setBlock(new TailBlock(block));
  }

  /**
   * The tail of a loaded dlib ResNet.
   *
   * @throws IllegalArgumentException for another architecture or an uninitialised network
   */
  public static DlibTail of(TrainableNetwork network) {
    if (network.architecture() != EmbeddingArchitecture.FACEAPI_DLIB_RESNET
        || !network.initialised()) {
      throw new IllegalArgumentException(
          "the trunk/tail split needs a loaded " + EmbeddingArchitecture.FACEAPI_DLIB_RESNET.id());
    }
    return new DlibTail(network);
  }

  /** Floats of one chip's trunk output (128 x 8 x 8). */
  public static int featureLength() {
    long[] shape = DlibResNetBlock.TRUNK_SHAPE;
    return (int) (shape[0] * shape[1] * shape[2]);
  }

  /**
   * The trunk's outputs of {@code chips} (150 px, as the pipeline cuts them), in inference mode.
   *
   * @throws IllegalArgumentException for a chip of another size
   */
  public float[][] trunkFeatures(List<RgbImage> chips) {
    float[][] out = new float[chips.size()][];
    ParameterStore store = new ParameterStore(network.model().getNDManager(), false);
    for (int start = 0; start < chips.size(); start += BATCH) {
      int end = Math.min(chips.size(), start + BATCH);
      try (NDManager manager = network.model().getNDManager().newSubManager()) {
        List<NDArray> inputs = new ArrayList<>();
        for (RgbImage chip : chips.subList(start, end)) {
          inputs.add(network.toInput(manager, chip));
        }
        NDArray features = block.trunk(store, NDArrays.stack(new NDList(inputs)), false);
        float[] flat = features.toFloatArray();
        int length = featureLength();
        if (flat.length != (end - start) * length) {
          throw new IllegalStateException("trunk output " + features.getShape() + " is unexpected");
        }
        for (int i = start; i < end; i++) {
          out[i] =
              java.util.Arrays.copyOfRange(flat, (i - start) * length, (i - start + 1) * length);
        }
      }
    }
    return out;
  }

  /** The tail's raw (not normalised) 128-d outputs of cached trunk features, in inference mode. */
  public float[][] embed(float[][] features) {
    float[][] out = new float[features.length][];
    ParameterStore store = new ParameterStore(network.model().getNDManager(), false);
    for (int start = 0; start < features.length; start += BATCH * 4) {
      int end = Math.min(features.length, start + BATCH * 4);
      try (NDManager manager = network.model().getNDManager().newSubManager()) {
        NDArray x = batch(manager, features, start, end);
        float[] flat = block.tail(store, x, false).toFloatArray();
        int dimension = flat.length / (end - start);
        for (int i = start; i < end; i++) {
          out[i] =
              java.util.Arrays.copyOfRange(
                  flat, (i - start) * dimension, (i - start + 1) * dimension);
        }
      }
    }
    return out;
  }

  /** Rows {@code start..end} of {@code features} as one {@code [n, 128, 8, 8]} array. */
  public static NDArray batch(NDManager manager, float[][] features, int start, int end) {
    int length = featureLength();
    float[] flat = new float[(end - start) * length];
    for (int i = start; i < end; i++) {
      System.arraycopy(features[i], 0, flat, (i - start) * length, length);
    }
    long[] shape = DlibResNetBlock.TRUNK_SHAPE;
    return manager.create(flat, new Shape(end - start, shape[0], shape[1], shape[2]));
  }

  /**
   * A trainer of the tail (input: trunk features); the trunk's parameters are frozen after the
   * trainer is made (DJL's trainer marks every parameter as trainable). The caller closes it.
   */
  public Trainer newTrainer(TrainingConfig config) {
    Trainer trainer = tailModel.newTrainer(config);
    network.freezeStages(3);
    network.withoutGradientForRunningStatistics();
    return trainer;
  }

  public TrainableNetwork network() {
    return network;
  }

  @Override
  public void close() {
    tailModel.close();
  }

  /** Stage 4 and the head as a block of their own, sharing the wrapped network's parameters. */
  private static final class TailBlock extends AbstractBlock {
    private final DlibResNetBlock network;

    TailBlock(DlibResNetBlock network) {
      this.network = network;
      addChildBlock("dlib", network);
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
      return new NDList(network.tail(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return new Shape[] {new Shape(inputShapes[0].get(0), DlibResNetBlock.DIMENSION)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
      // the wrapped network is loaded: nothing to initialise
    }
  }
}
