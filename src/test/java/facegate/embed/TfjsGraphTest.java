package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and running small hand-written graph models: order, folding, errors, no leaks. */
class TfjsGraphTest {
  @TempDir Path dir;

  /**
   * y = relu(x * w + b) with w, b constants; b computed from two constants (folded at load); the
   * signature names {@code y}.
   */
  private Path writeModel(String extraOp) throws IOException {
    String nodes =
        """
        {"name":"x","op":"Placeholder","attr":{"dtype":{"type":"DT_FLOAT"},
          "shape":{"shape":{"dim":[{"size":"-1"},{"size":"2"}]}}}},
        {"name":"w","op":"Const","attr":{"dtype":{"type":"DT_FLOAT"}}},
        {"name":"b1","op":"Const","attr":{"dtype":{"type":"DT_FLOAT"}}},
        {"name":"b2","op":"Const","attr":{"dtype":{"type":"DT_FLOAT"}}},
        {"name":"b","op":"AddV2","input":["b1","b2"]},
        {"name":"xw","op":"Mul","input":["x","w:0"]},
        {"name":"sum","op":"%s","input":["xw","b","^w"]},
        {"name":"y","op":"Relu","input":["sum"]}
        """
            .formatted(extraOp);
    String json =
        """
        {"format":"graph-model",
         "signature":{"outputs":{"y:0":{"name":"y:0"}}},
         "modelTopology":{"node":[%s]},
         "weightsManifest":[{"paths":["m.bin"],"weights":[
           {"name":"w","shape":[2],"dtype":"float32"},
           {"name":"b1","shape":[2],"dtype":"float32"},
           {"name":"b2","shape":[2],"dtype":"float32"}]}]}
        """
            .formatted(nodes);
    ByteBuffer weights = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : new float[] {2, -1, 0.5f, 0.5f, 0, -1}) {
      weights.putFloat(v);
    }
    Files.write(dir.resolve("m.bin"), weights.array());
    Path model = dir.resolve("model.json");
    Files.writeString(model, json);
    return model;
  }

  @Test
  void runsTheGraphWithFoldedConstantsAndLeaksNothing() throws IOException {
    try (TfjsGraph graph = TfjsGraph.load(writeModel("AddV2"))) {
      assertEquals(List.of("y"), graph.outputNames());
      assertArrayEquals(new long[] {-1, 2}, graph.inputShape());
      int held = graph.arraysHeld();
      // x = [[1, 3], [-1, -1]]: x * w = [[2, -3], [-2, 1]]; b = [0.5, -0.5] -> [[2.5, 0], [0, 0.5]]
      TfjsTensor input = new TfjsTensor("x", new int[] {2, 2}, new float[] {1, 3, -1, -1});
      for (int i = 0; i < 3; i++) {
        Map<String, TfjsTensor> out = graph.run(input);
        assertArrayEquals(new float[] {2.5f, 0, 0, 0.5f}, out.get("y").values());
        assertArrayEquals(new int[] {2, 2}, out.get("y").shape());
      }
      assertEquals(held, graph.arraysHeld(), "a run must not leave arrays in the graph's manager");
    }
  }

  @Test
  void refusesInputsOfTheWrongShape() throws IOException {
    try (TfjsGraph graph = TfjsGraph.load(writeModel("AddV2"))) {
      assertThrows(
          IllegalArgumentException.class,
          () -> graph.run(new TfjsTensor("x", new int[] {1, 3}, new float[3])));
    }
  }

  @Test
  void namesEveryUnsupportedOp() throws IOException {
    FaceException e = assertThrows(FaceException.class, () -> TfjsGraph.load(writeModel("Einsum")));
    assertEquals(ErrorCode.MODEL_INVALID, e.errorCode());
    assertTrue(e.getMessage().contains("[Einsum]"), e.getMessage());
  }

  @Test
  void aMissingModelIsNotFound() {
    FaceException e =
        assertThrows(FaceException.class, () -> TfjsGraph.load(dir.resolve("none.json")));
    assertEquals(ErrorCode.MODEL_NOT_FOUND, e.errorCode());
  }

  @Test
  void supportsTheOpsOfTheHumanModelsThatFacegateUses() {
    for (String op :
        List.of(
            "Pad",
            "_FusedConv2D",
            "FusedDepthwiseConv2dNative",
            "DepthwiseConv2dNative",
            "AddV2",
            "Relu",
            "ResizeBilinear",
            "DepthToSpace",
            "Shape",
            "StridedSlice",
            "Pack",
            "Reshape",
            "ConcatV2",
            "Identity",
            "MaxPool",
            "_FusedMatMul",
            "Sigmoid",
            "Softmax",
            "Mul",
            "Add",
            "Sub",
            "Abs",
            "Minimum",
            "Maximum",
            "Mean",
            "Prelu",
            "Square",
            "Sum",
            "Rsqrt",
            "Squeeze",
            "Conv2D")) {
      assertTrue(TfjsGraph.supportedOps().contains(op), op);
    }
  }
}
