package facegate.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;

/**
 * The render-repair networks (rotate-and-render), sized by {@link RepairConfig}; any image side
 * divisible by 8.
 *
 * <p>Generator: a U-Net with residual blocks (as TP-GAN and CAPG-GAN): input {@code [N, 3, s, s]}
 * in [-1, 1]; 7x7 convolution to the base channels, then per level a stride-2 4x4 convolution that
 * doubles the channels, down to s/4; residual blocks there; back up by nearest-neighbour 2x and a
 * 3x3 convolution, concatenated with the level's skip and merged by a 3x3 convolution; 7x7
 * convolution to RGB and tanh, added to the input and clipped to [-1, 1] (the last layer starts at
 * zero, so the untrained generator returns its input). Instance normalisation and ReLU after every
 * convolution but the last.
 *
 * <p>Discriminator (PatchGAN, Isola et al. 2017): three stride-2 4x4 convolutions with leaky ReLU
 * (0.2; instance normalisation after the second and third) and a 3x3 convolution to one real/fake
 * score per patch: {@code [N, 1, s/8, s/8]}.
 */
final class RepairNetworks {
  static final int LEVELS = 2;
  private static final float LEAK = 0.2f;

  private RepairNetworks() {}

  static Block generator(RepairConfig config) {
    int base = config.baseChannels();
    SequentialBlock net = new SequentialBlock();
    net.add(PoseGanNetworks.conv(base, 7, 1)).add(norm()).add(Activation::relu);
    net.add(level(0, base, config.residualBlocks()));
    Conv2d toRgb = PoseGanNetworks.conv(3, 7, 1);
    toRgb.setInitializer(new ConstantInitializer(0), Parameter.Type.WEIGHT);
    net.add(toRgb).add(LambdaBlock.singleton(NDArray::tanh, "tanh"));
    return new ParallelBlock(
        list ->
            new NDList(
                list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow()).clip(-1, 1)),
        List.of(net, Blocks.identityBlock()));
  }

  /**
   * One U-Net level at {@code channels}: down, the inner levels, up, concatenated with the skip.
   */
  private static Block level(int depth, int channels, int residualBlocks) {
    if (depth == LEVELS) {
      SequentialBlock bottleneck = new SequentialBlock();
      for (int i = 0; i < residualBlocks; i++) {
        bottleneck.add(PoseGanNetworks.residual(channels));
      }
      return residualBlocks == 0 ? Blocks.identityBlock() : bottleneck;
    }
    SequentialBlock inner = new SequentialBlock();
    inner.add(PoseGanNetworks.conv(channels * 2, 4, 2)).add(norm()).add(Activation::relu);
    inner.add(level(depth + 1, channels * 2, residualBlocks));
    inner.add(PoseGanNetworks.upsample(channels)).add(norm()).add(Activation::relu);
    Block skip =
        new ParallelBlock(
            list ->
                new NDList(
                    list.get(0).singletonOrThrow().concat(list.get(1).singletonOrThrow(), 1)),
            List.of(inner, Blocks.identityBlock()));
    return new SequentialBlock()
        .add(skip)
        .add(PoseGanNetworks.conv(channels, 3, 1))
        .add(norm())
        .add(Activation::relu);
  }

  static Block discriminator(RepairConfig config) {
    int base = config.baseChannels();
    return new SequentialBlock()
        .add(PoseGanNetworks.conv(base, 4, 2))
        .add(Activation.leakyReluBlock(LEAK))
        .add(PoseGanNetworks.conv(base * 2, 4, 2))
        .add(norm())
        .add(Activation.leakyReluBlock(LEAK))
        .add(PoseGanNetworks.conv(base * 4, 4, 2))
        .add(norm())
        .add(Activation.leakyReluBlock(LEAK))
        .add(PoseGanNetworks.conv(1, 3, 1));
  }

  private static Block norm() {
    return PoseGanNetworks.instanceNorm();
  }
}
