package facegate.liveness;

import facegate.core.FaceBox;
import facegate.core.Liveness;
import facegate.core.LivenessDetector;
import facegate.core.RgbImage;
import facegate.core.SquareImageNetwork;
import java.util.Objects;

/**
 * Liveness from an imported network that reads a square face crop (human-models' {@code antispoof}
 * and {@code liveness}): the square of {@code cropScale} times the face box's larger side, on the
 * box's centre, resampled to the network's input (black outside the image), pixels scaled to [0,
 * 1]; the score is the network's first output, which human reads as the live ("real") probability.
 * The network arrives as a {@link SquareImageNetwork} (see {@code
 * facegate.pipeline.LivenessNetworks} for loading one). Thread-safe, as the network is; closing it
 * closes the network.
 */
public final class NetworkLivenessDetector implements LivenessDetector, AutoCloseable {
  private final SquareImageNetwork network;
  private final double cropScale;

  public NetworkLivenessDetector(SquareImageNetwork network, double cropScale) {
    this.network = Objects.requireNonNull(network, "network");
    if (!(cropScale > 0)) {
      throw new IllegalArgumentException("crop scale must be positive, got " + cropScale);
    }
    this.cropScale = cropScale;
  }

  @Override
  public Liveness assess(RgbImage image, FaceBox face) {
    FaceBox region = TextureLivenessDetector.region(face, cropScale);
    float[] output = network.run(TextureLivenessDetector.crop(image, region, network.inputSize()));
    return new Liveness(Math.min(1, Math.max(0, output[0])), region);
  }

  @Override
  public void close() {
    network.close();
  }
}
