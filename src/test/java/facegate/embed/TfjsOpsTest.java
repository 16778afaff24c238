package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.FaceException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each graph op on a tiny array with a hand-computed answer (TensorFlow semantics, NHWC). */
class TfjsOpsTest {
  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /**
   * A node of {@code op} with attributes given as GraphDef JSON, e.g. {@code "padding":{"s":..}}.
   */
  static TfjsGraphNode node(String op, String attributes) {
    JsonObject attr = JsonParser.parseString("{" + attributes + "}").getAsJsonObject();
    return new TfjsGraphNode("n", op, List.of(), attr);
  }

  static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes());
  }

  private static float[] run(String op, String attributes, NDArray... inputs) {
    return runArray(op, attributes, inputs).toFloatArray();
  }

  private static NDArray runArray(String op, String attributes, NDArray... inputs) {
    return TfjsOps.find(op).orElseThrow().apply(node(op, attributes), new NDList(inputs), manager);
  }

  private static NDArray nhwc(float[] values, long h, long w, long c) {
    return manager.create(values, new Shape(1, h, w, c));
  }

  private static NDArray ints(int... values) {
    return manager.create(values);
  }

  private static final String NHWC_1 = "\"strides\":{\"list\":{\"i\":[\"1\",\"1\",\"1\",\"1\"]}}";

  @Test
  void conv2dSamePadsTheOddPixelAtTheBottomRight() {
    // 4x4 input 1..16, 2x2 all-ones filter, stride 2, SAME: no padding needed (total 0).
    // 3x3 input 1..9, 2x2 ones, stride 1, SAME: pad 1 at bottom/right only.
    float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    NDArray filter = manager.ones(new Shape(1, 1, 2, 2)); // OIHW
    float[] out =
        run(
            "Conv2D",
            NHWC_1 + ",\"padding\":{\"s\":\"" + base64("SAME") + "\"}",
            nhwc(image, 3, 3, 1),
            filter);
    // Windows: [1,2,4,5]=12 [2,3,5,6]=16 [3,0,6,0]=9; [4,5,7,8]=24 [5,6,8,9]=28 [6,9]=15;
    // [7,8]=15 [8,9]=17 [9]=9
    assertArrayEquals(new float[] {12, 16, 9, 24, 28, 15, 15, 17, 9}, out);
  }

  @Test
  void asymmetricSamePaddingLeavesTheInputsShapeAlone() {
    // FaceMesh feeds one 6x6 array to three stride-2 SAME convolutions (each padded at the
    // bottom/right only); padding must not change the shared input's shape.
    NDArray input = nhwc(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3, 1);
    run(
        "Conv2D",
        NHWC_1 + ",\"padding\":{\"s\":\"" + base64("SAME") + "\"}",
        input,
        manager.ones(new Shape(1, 1, 2, 2)));
    assertEquals(new Shape(1, 3, 3, 1), input.getShape());
  }

  @Test
  void fusedConvAddsBiasThenRelu() {
    float[] image = {1, -2}; // 1x1x1x2
    NDArray filter = manager.create(new float[] {1, 1, 1, -1}, new Shape(2, 2, 1, 1)); // OIHW
    NDArray bias = manager.create(new float[] {0.5f, -10f});
    String fused =
        NHWC_1
            + ",\"padding\":{\"s\":\""
            + base64("VALID")
            + "\"},\"fused_ops\":{\"list\":{\"s\":[\""
            + base64("BiasAdd")
            + "\",\""
            + base64("Relu")
            + "\"]}}";
    // out0 = 1 - 2 + 0.5 = -0.5 -> 0; out1 = 1 + 2 - 10 = -7 -> 0. With bias 10: 13.
    assertArrayEquals(
        new float[] {0, 0}, run("_FusedConv2D", fused, nhwc(image, 1, 1, 2), filter, bias));
    bias = manager.create(new float[] {0.5f, 10f});
    assertArrayEquals(
        new float[] {0, 13}, run("_FusedConv2D", fused, nhwc(image, 1, 1, 2), filter, bias));
  }

  @Test
  void depthwiseConvolvesEachChannelAlone() {
    // 1x2x1x2: channel 0 = [1, 2], channel 1 = [10, 20]; filter 2x1 per channel: [1, 1], [1, -1].
    NDArray x = nhwc(new float[] {1, 10, 2, 20}, 2, 1, 2);
    NDArray filter = manager.create(new float[] {1, 1, 1, -1}, new Shape(2, 1, 2, 1));
    float[] out =
        run(
            "DepthwiseConv2dNative",
            NHWC_1 + ",\"padding\":{\"s\":\"" + base64("VALID") + "\"}",
            x,
            filter);
    assertArrayEquals(new float[] {3, -10}, out);
  }

  @Test
  void maxPoolSameIgnoresPadding() {
    NDArray x = nhwc(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9}, 3, 3, 1);
    String attributes =
        "\"ksize\":{\"list\":{\"i\":[\"1\",\"2\",\"2\",\"1\"]}},"
            + "\"strides\":{\"list\":{\"i\":[\"1\",\"2\",\"2\",\"1\"]}},"
            + "\"padding\":{\"s\":\""
            + base64("SAME")
            + "\"}";
    // Windows [-1,-2,-4,-5] [-3,-6] [-7,-8] [-9]: padding never wins although it is "0".
    assertArrayEquals(new float[] {-1, -3, -7, -9}, run("MaxPool", attributes, x));
  }

  @Test
  void padAddsZerosPerAxis() {
    NDArray x = manager.create(new float[] {1, 2}, new Shape(1, 2));
    NDArray paddings = manager.create(new int[] {0, 1, 1, 0}, new Shape(2, 2));
    NDArray out = runArray("Pad", "", x, paddings);
    assertEquals(new Shape(2, 3), out.getShape());
    assertArrayEquals(new float[] {0, 1, 2, 0, 0, 0}, out.toFloatArray());
  }

  @Test
  void resizeBilinearFollowsTensorflowModes() {
    NDArray x = nhwc(new float[] {0, 4}, 1, 2, 1);
    NDArray size = ints(1, 4);
    // half-pixel centres: sources -0.25, 0.25, 0.75, 1.25 -> 0, 1, 3, 4
    assertArrayEquals(
        new float[] {0, 1, 3, 4},
        run("ResizeBilinear", "\"half_pixel_centers\":{\"b\":true}", x, size),
        1e-6f);
    // legacy: sources 0, 0.5, 1, 1.5 -> 0, 2, 4, 4
    assertArrayEquals(new float[] {0, 2, 4, 4}, run("ResizeBilinear", "", x, size), 1e-6f);
    // aligned corners: sources 0, 1/3, 2/3, 1
    assertArrayEquals(
        new float[] {0, 4 / 3f, 8 / 3f, 4},
        run("ResizeBilinear", "\"align_corners\":{\"b\":true}", x, size),
        1e-5f);
  }

  @Test
  void depthToSpaceMovesChannelBlocksToPixels() {
    // one row of two pixels, 4 channels each, block 2: each pixel becomes a 2x2 block, channels
    // (a, b, c, d) -> [[a, b], [c, d]], blocks side by side.
    NDArray x = nhwc(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 2, 4);
    NDArray out = runArray("DepthToSpace", "\"block_size\":{\"i\":\"2\"}", x);
    assertEquals(new Shape(1, 2, 4, 1), out.getShape());
    assertArrayEquals(new float[] {1, 2, 5, 6, 3, 4, 7, 8}, out.toFloatArray());
  }

  @Test
  void shapeSliceAndPackBuildAReshape() {
    NDArray x = manager.arange(12f).reshape(2, 3, 2);
    NDArray shape = runArray("Shape", "", x);
    assertArrayEquals(new int[] {2, 3, 2}, shape.toIntArray());
    NDArray first =
        runArray(
            "StridedSlice", "\"shrink_axis_mask\":{\"i\":\"1\"}", shape, ints(0), ints(1), ints(1));
    assertEquals(2, first.getInt());
    NDArray packed =
        runArray("Pack", "\"axis\":{\"i\":\"0\"}", first, manager.create(-1), manager.create(3));
    assertArrayEquals(new int[] {2, -1, 3}, packed.toIntArray());
    assertEquals(new Shape(2, 2, 3), runArray("Reshape", "", x, packed).getShape());
  }

  @Test
  void stridedSliceHonoursMasksAndStrides() {
    NDArray x = manager.arange(10f);
    // begin masked, end 7, stride 3: 0, 3, 6
    assertArrayEquals(
        new float[] {0, 3, 6},
        run("StridedSlice", "\"begin_mask\":{\"i\":\"1\"}", x, ints(5), ints(7), ints(3)));
    // negative begin: from -2 to the end (end masked)
    assertArrayEquals(
        new float[] {8, 9},
        run("StridedSlice", "\"end_mask\":{\"i\":\"1\"}", x, ints(-2), ints(0), ints(1)));
  }

  @Test
  void concatSqueezeExpandTranspose() {
    NDArray a = manager.create(new float[] {1, 2}, new Shape(1, 2));
    NDArray b = manager.create(new float[] {3, 4}, new Shape(1, 2));
    NDArray joined = runArray("ConcatV2", "", a, b, manager.create(-1));
    assertArrayEquals(new float[] {1, 2, 3, 4}, joined.toFloatArray());
    assertEquals(new Shape(1, 4), joined.getShape());
    assertEquals(
        new Shape(4),
        runArray("Squeeze", "\"squeeze_dims\":{\"list\":{\"i\":[\"0\"]}}", joined).getShape());
    assertEquals(new Shape(1, 1, 4), runArray("ExpandDims", "", joined, ints(0)).getShape());
    NDArray m = manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
    assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, run("Transpose", "", m, ints(1, 0)));
  }

  @Test
  void elementwiseOpsBroadcast() {
    NDArray x = manager.create(new float[] {-2, 0, 3, 4}, new Shape(2, 2));
    NDArray row = manager.create(new float[] {1, 2});
    assertArrayEquals(new float[] {-1, 2, 4, 6}, run("AddV2", "", x, row));
    assertArrayEquals(new float[] {-1, 2, 4, 6}, run("Add", "", x, row));
    assertArrayEquals(new float[] {-3, -2, 2, 2}, run("Sub", "", x, row));
    assertArrayEquals(new float[] {-2, 0, 3, 8}, run("Mul", "", x, row));
    assertArrayEquals(new float[] {-2, 0, 3, 2}, run("RealDiv", "", x, row));
    assertArrayEquals(new float[] {1, 2, 3, 4}, run("Maximum", "", x, row));
    assertArrayEquals(new float[] {-2, 0, 1, 2}, run("Minimum", "", x, row));
    assertArrayEquals(new float[] {9, 4, 4, 4}, run("SquaredDifference", "", x, row));
    // Prelu: negative part times alpha per column
    assertArrayEquals(new float[] {-2, 0, 3, 4}, run("Prelu", "", x, row));
    assertArrayEquals(
        new float[] {-0.5f, 0, 3, 4}, run("Prelu", "", x, manager.create(new float[] {0.25f, 9})));
  }

  @Test
  void unaryOpsAndActivations() {
    NDArray x = manager.create(new float[] {-4, 1, 9});
    assertArrayEquals(new float[] {0, 1, 9}, run("Relu", "", x));
    assertArrayEquals(new float[] {0, 1, 6}, run("Relu6", "", x));
    assertArrayEquals(new float[] {4, 1, 9}, run("Abs", "", x));
    assertArrayEquals(new float[] {4, -1, -9}, run("Neg", "", x));
    assertArrayEquals(new float[] {16, 1, 81}, run("Square", "", x));
    NDArray positive = manager.create(new float[] {4, 1, 0.25f});
    assertArrayEquals(new float[] {2, 1, 0.5f}, run("Sqrt", "", positive), 1e-6f);
    assertArrayEquals(new float[] {0.5f, 1, 2}, run("Rsqrt", "", positive), 1e-6f);
    assertArrayEquals(
        new float[] {-0.8f, 1, 9}, run("LeakyRelu", "\"alpha\":{\"f\":0.2}", x), 1e-6f);
    NDArray zero = manager.create(new float[] {0, (float) Math.log(3)});
    assertArrayEquals(new float[] {0.5f, 0.75f}, run("Sigmoid", "", zero), 1e-6f);
    // softmax over [0, ln 3]: 1/4, 3/4
    assertArrayEquals(new float[] {0.25f, 0.75f}, run("Softmax", "", zero), 1e-6f);
    assertArrayEquals(new float[] {1, 3}, run("Exp", "", zero), 1e-6f);
  }

  @Test
  void reductionsOverGivenAxes() {
    NDArray x = manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
    assertArrayEquals(new float[] {2, 5}, run("Mean", "", x, ints(1)));
    assertArrayEquals(new float[] {5, 7, 9}, run("Sum", "", x, ints(0)));
    assertArrayEquals(new float[] {3, 6}, run("Max", "", x, ints(-1)));
    NDArray kept = runArray("Sum", "\"keep_dims\":{\"b\":true}", x, ints(0, 1));
    assertEquals(new Shape(1, 1), kept.getShape());
    assertEquals(21f, kept.getFloat());
  }

  @Test
  void meanOverSeveralAxesAsGlobalPooling() {
    // NHWC [1, 2, 2, 2]: channel 0 holds 1, 2, 3, 4 (mean 2.5), channel 1 holds 10, 20, 30, 60 (30)
    NDArray x = manager.create(new float[] {1, 10, 2, 20, 3, 30, 4, 60}, new Shape(1, 2, 2, 2));
    NDArray pooled = runArray("Mean", "", x, ints(1, 2));
    assertEquals(new Shape(1, 2), pooled.getShape());
    assertArrayEquals(new float[] {2.5f, 30f}, pooled.toFloatArray(), 1e-6f);
    NDArray kept = runArray("Max", "\"keep_dims\":{\"b\":true}", x, ints(2, -3));
    assertEquals(new Shape(1, 1, 1, 2), kept.getShape());
    assertArrayEquals(new float[] {4f, 60f}, kept.toFloatArray());
  }

  @Test
  void fusedMatMulTransposesAddsBiasAndActivates() {
    NDArray a = manager.create(new float[] {1, 2}, new Shape(1, 2));
    NDArray b = manager.create(new float[] {1, -1, 1, -1}, new Shape(2, 2)); // rows of b^T
    NDArray bias = manager.create(new float[] {0, 10});
    String attributes =
        "\"transpose_b\":{\"b\":true},\"fused_ops\":{\"list\":{\"s\":[\""
            + base64("BiasAdd")
            + "\",\""
            + base64("Relu")
            + "\"]}}";
    // a x b^T = [1*1 + 2*-1, 1*1 + 2*-1] = [-1, -1]; + bias = [-1, 9]; relu = [0, 9]
    assertArrayEquals(new float[] {0, 9}, run("_FusedMatMul", attributes, a, b, bias));
  }

  @Test
  void unsupportedFusionsAreModelErrorsNamingTheNode() {
    NDArray x = manager.create(new float[] {1}, new Shape(1, 1));
    String attributes = "\"fused_ops\":{\"list\":{\"s\":[\"" + base64("Tanh") + "\"]}}";
    FaceException e =
        assertThrows(FaceException.class, () -> run("_FusedMatMul", attributes, x, x));
    assertEquals("model_invalid", e.errorCode().code());
  }
}
