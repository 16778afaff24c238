package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OnnxGraph} on a small ONNX file written here byte by byte (protobuf, onnx.proto's field
 * numbers): a depthwise 3x3 convolution with bias and padding 1, PReLU, a residual Add and a
 * Reshape, checked against the same arithmetic done by hand; initializers in both encodings
 * (raw_data and typed fields, packed); and the refusals a user would meet with another model.
 */
class OnnxGraphTest {
  @TempDir Path dir;

  // input x [1, 2, 3, 3]: channel 0 counts 1..9, channel 1 is -(1..9) / 2
  private static final float[] X = new float[18];

  static {
    for (int i = 0; i < 9; i++) {
      X[i] = i + 1;
      X[9 + i] = -(i + 1) / 2f;
    }
  }

  // depthwise filters [2, 1, 3, 3]: channel 0 a cross (centre 1, its 4 neighbours 0.5), channel 1
  // all 0.25
  private static final float[] W = {
    0, 0.5f, 0, 0.5f, 1, 0.5f, 0, 0.5f, 0, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f,
    0.25f
  };
  private static final float[] B = {1f, -2f};
  private static final float[] SLOPE = {0.1f, 0.5f};

  @Test
  void runsConvPreluAddReshapeAsDoneByHand() throws IOException {
    Path file = write(model(conv("1", "1", "1", "1"), "PRelu"));
    try (OnnxGraph graph = OnnxGraph.load(file)) {
      assertArrayEquals(new long[] {1, 2, 3, 3}, graph.inputShape());
      assertEquals(java.util.List.of("y"), graph.outputNames());
      TfjsTensor y = graph.run(new TfjsTensor("x", new int[] {1, 2, 3, 3}, X)).get("y");
      assertArrayEquals(new int[] {1, 18}, y.shape());
      assertArrayEquals(expected(), y.values(), 1e-5f);
    }
  }

  @Test
  void refusesOpsItCannotRunAndNamesThem() throws IOException {
    Path file = write(model(conv("1", "1", "1", "1"), "Sigmoid"));
    FaceException e = assertThrows(FaceException.class, () -> OnnxGraph.load(file));
    assertEquals(ErrorCode.MODEL_INVALID, e.errorCode());
    assertTrue(e.getMessage().contains("[Sigmoid]"), e.getMessage());
  }

  @Test
  void refusesAsymmetricPadsAtLoad() throws IOException {
    Path file = write(model(conv("1", "1", "0", "0"), "PRelu"));
    FaceException e = assertThrows(FaceException.class, () -> OnnxGraph.load(file));
    assertEquals(ErrorCode.MODEL_INVALID, e.errorCode());
    assertTrue(e.getMessage().contains("pads [1, 1, 0, 0]"), e.getMessage());
  }

  @Test
  void aTruncatedOrMissingFileIsAClearModelError() throws IOException {
    byte[] whole = model(conv("1", "1", "1", "1"), "PRelu");
    Path cut = dir.resolve("cut.onnx");
    Files.write(cut, Arrays.copyOf(whole, whole.length - 40));
    assertEquals(
        ErrorCode.MODEL_INVALID,
        assertThrows(FaceException.class, () -> OnnxGraph.load(cut)).errorCode());
    assertEquals(
        ErrorCode.MODEL_NOT_FOUND,
        assertThrows(FaceException.class, () -> OnnxGraph.load(dir.resolve("none.onnx")))
            .errorCode());
  }

  @Test
  void refusesAnInputOfTheWrongShape() throws IOException {
    try (OnnxGraph graph = OnnxGraph.load(write(model(conv("1", "1", "1", "1"), "PRelu")))) {
      assertThrows(
          IllegalArgumentException.class,
          () -> graph.run(new TfjsTensor("x", new int[] {1, 3, 3, 2}, X)));
    }
  }

  @Test
  void anOnnxCardIsCheckedAgainstItsGraph() throws IOException {
    write(model(conv("1", "1", "1", "1"), "PRelu"));
    Files.writeString(dir.resolve("model.json"), card("nothing", 3));
    FaceException wrongOutput =
        assertThrows(FaceException.class, () -> GraphFaceEmbedder.load(dir));
    assertEquals(ErrorCode.MODEL_INVALID, wrongOutput.errorCode());
    assertTrue(wrongOutput.getMessage().contains("not nothing"), wrongOutput.getMessage());
    // the graph takes 2 channels of 3x3: not an RGB chip of the card's size
    Files.writeString(dir.resolve("model.json"), card("y", 3));
    FaceException notRgb = assertThrows(FaceException.class, () -> GraphFaceEmbedder.load(dir));
    assertEquals(ErrorCode.MODEL_INVALID, notRgb.errorCode());
    assertTrue(notRgb.getMessage().contains("the graph takes"), notRgb.getMessage());
  }

  private static String card(String output, int side) {
    return "{\"name\": \"tiny\", \"architecture\": \"onnx-graph\", \"graph\": \"tiny.onnx\","
        + " \"output\": \""
        + output
        + "\", \"inputSize\": "
        + side
        + ", \"channelOrder\": \"RGB\", \"meanRgb\": [0, 0, 0], \"scale\": 1.0,"
        + " \"dimension\": 18}";
  }

  /** y = reshape(prelu(depthwise(x) + b) + x, [1, -1]), computed with plain loops. */
  private static float[] expected() {
    float[] y = new float[18];
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          float sum = B[c];
          for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
              int r = i + di;
              int s = j + dj;
              if (r >= 0 && r < 3 && s >= 0 && s < 3) {
                sum += W[c * 9 + (di + 1) * 3 + (dj + 1)] * X[c * 9 + r * 3 + s];
              }
            }
          }
          float activated = sum >= 0 ? sum : SLOPE[c] * sum;
          y[c * 9 + i * 3 + j] = activated + X[c * 9 + i * 3 + j];
        }
      }
    }
    return y;
  }

  private Path write(byte[] model) throws IOException {
    Path file = dir.resolve("tiny.onnx");
    Files.write(file, model);
    return file;
  }

  /** The Conv node with pads (top, left, bottom, right). */
  private static byte[] conv(String top, String left, String bottom, String right) {
    long[] pads = {
      Long.parseLong(top), Long.parseLong(left), Long.parseLong(bottom), Long.parseLong(right)
    };
    return node(
        "Conv",
        new String[] {"x", "w", "b"},
        "c",
        ints("kernel_shape", 3, 3),
        ints("pads", pads),
        ints("strides", 1, 1),
        integer("group", 2));
  }

  private static byte[] model(byte[] convNode, String activation) {
    Proto graph = new Proto();
    graph.bytes(1, convNode);
    graph.bytes(1, node(activation, new String[] {"c", "slope"}, "p"));
    graph.bytes(1, node("Add", new String[] {"p", "x"}, "a"));
    graph.bytes(1, node("Reshape", new String[] {"a", "shape"}, "y"));
    graph.string(2, "tiny");
    graph.bytes(5, rawFloats("w", W, 2, 1, 3, 3));
    graph.bytes(5, typedFloats("b", B, 2));
    graph.bytes(5, rawFloats("slope", SLOPE, 2, 1, 1));
    graph.bytes(5, longs("shape", new long[] {1, -1}, 2));
    graph.bytes(11, valueInfo("x", 1, 2, 3, 3));
    graph.bytes(11, valueInfo("w", 2, 1, 3, 3)); // an old exporter's habit: weights as inputs too
    graph.bytes(12, valueInfo("y", 1, 18));
    Proto opset = new Proto();
    opset.string(1, "");
    opset.varint(2, 9);
    Proto model = new Proto();
    model.varint(1, 7);
    model.string(2, "facegate-test");
    model.bytes(7, graph.toBytes());
    model.bytes(8, opset.toBytes());
    return model.toBytes();
  }

  private static byte[] node(String op, String[] inputs, String output, byte[]... attributes) {
    Proto node = new Proto();
    for (String input : inputs) {
      node.string(1, input);
    }
    node.string(2, output);
    node.string(3, op + "_" + output);
    node.string(4, op);
    for (byte[] attribute : attributes) {
      node.bytes(5, attribute);
    }
    return node.toBytes();
  }

  private static byte[] ints(String name, long... values) {
    Proto a = new Proto();
    a.string(1, name);
    for (long v : values) {
      a.varint(8, v); // unpacked, as PyTorch's exporter writes them
    }
    a.varint(20, 7); // AttributeType INTS
    return a.toBytes();
  }

  private static byte[] integer(String name, long value) {
    Proto a = new Proto();
    a.string(1, name);
    a.varint(3, value);
    a.varint(20, 2); // AttributeType INT
    return a.toBytes();
  }

  private static byte[] rawFloats(String name, float[] values, long... dims) {
    Proto t = new Proto();
    t.packedVarints(1, dims);
    t.varint(2, 1); // FLOAT
    t.string(8, name);
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      raw.putFloat(v);
    }
    t.bytes(9, raw.array());
    return t.toBytes();
  }

  private static byte[] typedFloats(String name, float[] values, long... dims) {
    Proto t = new Proto();
    for (long d : dims) {
      t.varint(1, d);
    }
    t.varint(2, 1); // FLOAT
    ByteBuffer packed = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      packed.putFloat(v);
    }
    t.bytes(4, packed.array());
    t.string(8, name);
    return t.toBytes();
  }

  private static byte[] longs(String name, long[] values, long... dims) {
    Proto t = new Proto();
    t.packedVarints(1, dims);
    t.varint(2, 7); // INT64
    t.packedVarints(7, values);
    t.string(8, name);
    return t.toBytes();
  }

  private static byte[] valueInfo(String name, long... dims) {
    Proto shape = new Proto();
    for (long d : dims) {
      Proto dim = new Proto();
      dim.varint(1, d);
      shape.bytes(1, dim.toBytes());
    }
    Proto tensorType = new Proto();
    tensorType.varint(1, 1);
    tensorType.bytes(2, shape.toBytes());
    Proto type = new Proto();
    type.bytes(1, tensorType.toBytes());
    Proto info = new Proto();
    info.string(1, name);
    info.bytes(2, type.toBytes());
    return info.toBytes();
  }

  /** A protobuf message being written. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void varint(int field, long value) {
      raw((long) field << 3);
      raw(value);
    }

    void bytes(int field, byte[] value) {
      raw((long) field << 3 | 2);
      raw(value.length);
      out.writeBytes(value);
    }

    void string(int field, String value) {
      bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    void packedVarints(int field, long[] values) {
      Proto packed = new Proto();
      for (long v : values) {
        packed.raw(v);
      }
      bytes(field, packed.toBytes());
    }

    private void raw(long value) {
      while ((value & ~0x7fL) != 0) {
        out.write((int) (value & 0x7f) | 0x80);
        value >>>= 7;
      }
      out.write((int) value);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }
  }
}
