package facegate.embed;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * facegate's from-scratch embedding network, small enough to train on two CPU cores: a 3x3 stride-2
 * stem to 32 channels, then residual stages at 64, 128 and 256 channels (each one stride-2 basic
 * block: two 3x3 convolutions with batch norm, a 1x1 stride-2 projection shortcut), global average
 * pooling and a linear layer to 128. Input {@code [N, 3, s, s]} normalised like the dlib ResNet;
 * any {@code s} from 32 up works (64 to 112 intended). Output {@code [N, 128]}, not normalised.
 */
final class SmallResNetBlock {
  /** Length of the descriptor. */
  static final int DIMENSION = 128;

  private static final int[] STAGE_CHANNELS = {64, 128, 256};

  private SmallResNetBlock() {}

  /** The network; the last child, named {@code head}, is the linear layer to 128. */
  static SequentialBlock create() {
    SequentialBlock net = new SequentialBlock();
    net.add(conv(32, 3, 2)).add(BatchNorm.builder().build()).add(Activation::relu);
    for (int channels : STAGE_CHANNELS) {
      net.add(basicBlock(channels));
    }
    net.add(Pool.globalAvgPool2dBlock())
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(DIMENSION).build());
    return net;
  }

  private static Block basicBlock(int channels) {
    SequentialBlock main =
        new SequentialBlock()
            .add(conv(channels, 3, 2))
            .add(BatchNorm.builder().build())
            .add(Activation::relu)
            .add(conv(channels, 3, 1))
            .add(BatchNorm.builder().build());
    SequentialBlock shortcut =
        new SequentialBlock().add(conv(channels, 1, 2)).add(BatchNorm.builder().build());
    return new SequentialBlock()
        .add(
            new ParallelBlock(
                list ->
                    new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
                List.of(main, shortcut)))
        .add(Activation::relu);
  }

  private static Conv2d conv(int channels, int kernel, int stride) {
    int pad = kernel / 2;
    return Conv2d.builder()
        .setFilters(channels)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(pad, pad))
        .optBias(false)
        .build();
  }
}
