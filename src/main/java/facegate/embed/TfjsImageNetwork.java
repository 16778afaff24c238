package facegate.embed;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import facegate.core.SquareImageNetwork;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link TfjsGraph} whose input is one square RGB image ({@code [1, side, side, 3]}, NHWC) and of
 * whose outputs one is read: the image is scaled {@code pixel * scale + offset} (e.g. {@code 1 /
 * 127.5} and {@code -1} for MediaPipe's [-1, 1]). Thread-safe, as the graph is; closing it closes
 * the graph.
 */
public final class TfjsImageNetwork implements SquareImageNetwork {
  private final TfjsGraph graph;
  private final String output;
  private final int side;
  private final float scale;
  private final float offset;

  private TfjsImageNetwork(TfjsGraph graph, String output, float scale, float offset) {
    this.graph = graph;
    this.output = output;
    this.scale = scale;
    this.offset = offset;
    long[] shape = graph.inputShape();
    if (shape.length != 4 || shape[1] != shape[2] || shape[1] < 1 || shape[3] != 3) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          "expected a [batch, side, side, 3] image input, got " + java.util.Arrays.toString(shape));
    }
    if (!graph.outputNames().contains(output)) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          "the graph has no output " + output + "; it has " + graph.outputNames());
    }
    side = Math.toIntExact(shape[1]);
  }

  /**
   * Loads {@code modelJson} (a TFJS graph model) and reads its output {@code output}.
   *
   * @throws FaceException MODEL_NOT_FOUND or MODEL_INVALID (also when the input is not a square RGB
   *     image or there is no such output)
   */
  public static TfjsImageNetwork load(Path modelJson, String output, float scale, float offset) {
    Objects.requireNonNull(output, "output");
    TfjsGraph graph = TfjsGraph.load(modelJson, java.util.List.of(output));
    try {
      return new TfjsImageNetwork(graph, output, scale, offset);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  @Override
  public int inputSize() {
    return side;
  }

  @Override
  public float[] run(RgbImage square) {
    if (square.width() != side || square.height() != side) {
      throw new IllegalArgumentException(
          "expected " + side + "x" + side + ", got " + square.width() + "x" + square.height());
    }
    byte[] rgb = square.rgb();
    float[] values = new float[rgb.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (rgb[i] & 0xff) * scale + offset;
    }
    TfjsTensor input = new TfjsTensor("input", new int[] {1, side, side, 3}, values);
    return graph.run(input).get(output).values();
  }

  @Override
  public void close() {
    graph.close();
  }
}
