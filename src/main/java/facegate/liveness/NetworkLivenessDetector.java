package facegate.liveness;

import facegate.core.ErrorCode;
import facegate.core.FaceBox;
import facegate.core.FaceException;
import facegate.core.Liveness;
import facegate.core.LivenessDetector;
import facegate.core.RgbImage;
import facegate.core.SquareImageNetwork;
import facegate.embed.TfjsImageNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Liveness from an imported network that reads a square face crop (human-models' {@code antispoof}
 * and {@code liveness}): the square of {@code cropScale} times the face box's larger side, on the
 * box's centre, resampled to the network's input (black outside the image), pixels scaled to [0,
 * 1]; the score is the network's first output, which human reads as the live ("real") probability.
 * Thread-safe, as the network is; closing it closes the network.
 */
public final class NetworkLivenessDetector implements LivenessDetector, AutoCloseable {
  /** The networks' output node and input scaling (human feeds its face crop in [0, 1]). */
  static final String OUTPUT = "Identity";

  private final SquareImageNetwork network;
  private final double cropScale;

  public NetworkLivenessDetector(SquareImageNetwork network, double cropScale) {
    this.network = Objects.requireNonNull(network, "network");
    if (!(cropScale > 0)) {
      throw new IllegalArgumentException("crop scale must be positive, got " + cropScale);
    }
    this.cropScale = cropScale;
  }

  /**
   * The network of the TFJS graph model in {@code folder} (its one {@code .json} file, e.g. {@code
   * models/liveness-antispoof}).
   *
   * @throws FaceException MODEL_NOT_FOUND without exactly one model file, MODEL_INVALID
   */
  public static NetworkLivenessDetector load(Path folder, double cropScale) {
    return new NetworkLivenessDetector(
        TfjsImageNetwork.load(modelJson(folder), OUTPUT, 1 / 255f, 0f), cropScale);
  }

  private static Path modelJson(Path folder) {
    List<Path> models;
    try (Stream<Path> files = Files.list(folder)) {
      models = files.filter(file -> file.toString().endsWith(".json")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    if (models.size() != 1) {
      throw new FaceException(
          ErrorCode.MODEL_NOT_FOUND, "expected one TFJS model .json in " + folder + ": " + models);
    }
    return models.get(0);
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
