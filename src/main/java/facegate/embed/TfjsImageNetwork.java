package facegate.embed;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import facegate.core.SquareImageNetwork;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TfjsGraph} whose input is one square RGB image ({@code [1, side, side, 3]}, NHWC) and of
 * whose outputs one or a few are read (several: concatenated in the order asked, e.g. FaceMesh's
 * 1404 mesh values then its face flag): the image is scaled {@code pixel * scale + offset} (e.g.
 * {@code 1 / 127.5} and {@code -1} for MediaPipe's [-1, 1]). Thread-safe, as the graph is; closing
 * it closes the graph.
 */
public final class TfjsImageNetwork implements SquareImageNetwork {
  private final TfjsGraph graph;
  private final List<String> outputs;
  private final int side;
  private final float scale;
  private final float offset;

  private TfjsImageNetwork(TfjsGraph graph, List<String> outputs, float scale, float offset) {
    this.graph = graph;
    this.outputs = outputs;
    this.scale = scale;
    this.offset = offset;
    long[] shape = graph.inputShape();
    if (shape.length != 4 || shape[1] != shape[2] || shape[1] < 1 || shape[3] != 3) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          "expected a [batch, side, side, 3] image input, got " + java.util.Arrays.toString(shape));
    }
    for (String output : outputs) {
      if (!graph.outputNames().contains(output)) {
        throw new FaceException(
            ErrorCode.MODEL_INVALID,
            "the graph has no output " + output + "; it has " + graph.outputNames());
      }
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
    return load(modelJson, List.of(output), scale, offset);
  }

  /**
   * Loads {@code modelJson} and reads its {@code outputs}, concatenated in this order.
   *
   * @throws FaceException as {@link #load(Path, String, float, float)}; IllegalArgumentException
   *     when {@code outputs} is empty
   */
  public static TfjsImageNetwork load(
      Path modelJson, List<String> outputs, float scale, float offset) {
    List<String> names = List.copyOf(outputs);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("at least one output to read");
    }
    TfjsGraph graph = TfjsGraph.load(modelJson, names);
    try {
      return new TfjsImageNetwork(graph, names, scale, offset);
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
    Map<String, TfjsTensor> results = graph.run(input);
    if (outputs.size() == 1) {
      return results.get(outputs.get(0)).values();
    }
    float[][] parts = new float[outputs.size()][];
    int length = 0;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = results.get(outputs.get(i)).values();
      length += parts[i].length;
    }
    float[] joined = new float[length];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }

  @Override
  public void close() {
    graph.close();
  }
}
