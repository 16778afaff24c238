package facegate.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;

/**
 * The pose GAN's two networks, StarGAN-style (Choi et al. 2018), sized by {@link
 * PoseGanConfig#baseChannels()} and {@link PoseGanConfig#residualBlocks()} and resolution-agnostic
 * (any image side divisible by 16).
 *
 * <p>Generator: input {@code [N, 3 + D, s, s]}, the image in [-1, 1] with the one-hot target domain
 * tiled over its pixels; 7x7 convolution, two stride-2 downsamplings (to 4 × base channels),
 * residual blocks, two 2x nearest-neighbour upsamplings each followed by a 3x3 convolution back,
 * 7x7 convolution to RGB and tanh; that change is added to the input image and clipped to [-1, 1]
 * (a residual generator: it starts as the identity). Instance normalisation and ReLU after every
 * convolution but the last.
 *
 * <p>Discriminator: input {@code [N, 3, s, s]}; four stride-2 4x4 convolutions with leaky ReLU
 * (0.01) to 8 × base channels at s/16, then two heads: a 3x3 convolution to one real/fake score per
 * patch ({@code [N, 1, s/16, s/16]}) and, after global average pooling, a linear map to the D
 * domain logits ({@code [N, D]}).
 */
final class PoseGanNetworks {
  private static final float LEAK = 0.01f;

  private PoseGanNetworks() {}

  static SequentialBlock generator(PoseGanConfig config) {
    int base = config.baseChannels();
    SequentialBlock net = new SequentialBlock();
    net.add(conv(base, 7, 1)).add(instanceNorm()).add(Activation::relu);
    net.add(conv(base * 2, 4, 2)).add(instanceNorm()).add(Activation::relu);
    net.add(conv(base * 4, 4, 2)).add(instanceNorm()).add(Activation::relu);
    for (int i = 0; i < config.residualBlocks(); i++) {
      net.add(residual(base * 4));
    }
    net.add(upsample(base * 2)).add(instanceNorm()).add(Activation::relu);
    net.add(upsample(base)).add(instanceNorm()).add(Activation::relu);
    Conv2d toRgb = conv(3, 7, 1);
    toRgb.setInitializer(new ConstantInitializer(0), Parameter.Type.WEIGHT);
    net.add(toRgb).add(LambdaBlock.singleton(NDArray::tanh, "tanh"));
    // the network draws a change to its input image, not a new image: at start (last layer's
    // weights zero) it returns the face itself, and a short CPU run spends its steps on the turn
    // instead of on painting a face
    Block image = LambdaBlock.singleton(x -> x.get(":, 0:3"), "inputImage");
    return new SequentialBlock()
        .add(
            new ParallelBlock(
                list ->
                    new NDList(
                        list.get(0)
                            .singletonOrThrow()
                            .add(list.get(1).singletonOrThrow())
                            .clip(-1, 1)),
                List.of(net, image)));
  }

  static SequentialBlock discriminator(PoseGanConfig config) {
    int channels = config.baseChannels();
    SequentialBlock net = new SequentialBlock();
    for (int i = 0; i < 4; i++) {
      net.add(conv(channels, 4, 2)).add(Activation.leakyReluBlock(LEAK));
      channels *= 2;
    }
    Block adversarial = conv(1, 3, 1);
    Block domain =
        new SequentialBlock()
            .add(Pool.globalAvgPool2dBlock())
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(config.domains()).build());
    net.add(
        new ParallelBlock(
            outputs ->
                new NDList(outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()),
            List.of(adversarial, domain)));
    return net;
  }

  /** Normalises each channel of each image over its pixels (no learnt scale or shift). */
  static LambdaBlock instanceNorm() {
    return LambdaBlock.singleton(
        x -> {
          // PyTorch's engine in DJL averages over one axis per call
          NDArray mean = x.mean(new int[] {3}, true).mean(new int[] {2}, true);
          NDArray centred = x.sub(mean);
          NDArray variance = centred.square().mean(new int[] {3}, true).mean(new int[] {2}, true);
          return centred.div(variance.add(1e-5f).sqrt());
        },
        "instanceNorm");
  }

  static Block residual(int channels) {
    SequentialBlock main =
        new SequentialBlock()
            .add(conv(channels, 3, 1))
            .add(instanceNorm())
            .add(Activation::relu)
            .add(conv(channels, 3, 1))
            .add(instanceNorm());
    return new ParallelBlock(
        list -> new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
        List.of(main, Blocks.identityBlock()));
  }

  static Conv2d conv(int channels, int kernel, int stride) {
    // "same" padding for odd kernels; 4x4 stride 2 with padding 1 halves the side exactly
    int pad = kernel % 2 == 1 ? kernel / 2 : 1;
    return Conv2d.builder()
        .setFilters(channels)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(pad, pad))
        .build();
  }

  /**
   * Doubles the side (nearest neighbour) and convolves 3x3: DJL's PyTorch engine has no transposed
   * convolution, and this also avoids its checkerboard artefacts.
   */
  static Block upsample(int channels) {
    return new SequentialBlock()
        .add(LambdaBlock.singleton(x -> x.repeat(2, 2).repeat(3, 2), "upsampleNearest2x"))
        .add(conv(channels, 3, 1));
  }
}
