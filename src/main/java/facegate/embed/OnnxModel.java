package facegate.embed;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX model file ({@code ModelProto}, protobuf) that {@link OnnxGraph} executes:
 * the graph's nodes in file order (ONNX requires topological order), its initializers (float32 and
 * int64 tensors, raw or typed), its one non-initializer input with its shape, and its outputs. Read
 * with a small protobuf wire-format reader, field numbers from onnx.proto; anything else in the
 * file (doc strings, value infos, metadata) is skipped.
 */
record OnnxModel(
    List<Node> nodes,
    Map<String, Tensor> initializers,
    String inputName,
    long[] inputShape,
    List<String> outputNames) {

  /** A graph node: its op, input and output value names, and its attributes. */
  record Node(
      String name,
      String op,
      List<String> inputs,
      List<String> outputs,
      Map<String, Attribute> attributes) {
    /** An int attribute, or {@code fallback} when absent. */
    long integer(String key, long fallback) {
      Attribute a = attributes.get(key);
      return a == null ? fallback : a.integer();
    }

    /** An ints attribute, or {@code fallback} when absent. */
    long[] integers(String key, long[] fallback) {
      Attribute a = attributes.get(key);
      return a == null ? fallback : a.integers();
    }

    /** A string attribute, or {@code fallback} when absent. */
    String string(String key, String fallback) {
      Attribute a = attributes.get(key);
      return a == null || a.string() == null ? fallback : a.string();
    }

    FaceException invalid(String why) {
      return new FaceException(
          ErrorCode.MODEL_INVALID, "onnx node " + name + " (" + op + ") " + why);
    }
  }

  /** One attribute: whichever of int, ints, float, string the file set. */
  record Attribute(long integer, long[] integers, float real, String string) {}

  /** An initializer: its shape and its values (float32, or int64 held as {@code longs}). */
  record Tensor(long[] dims, float[] floats, long[] longs) {}

  private static final int FLOAT = 1;
  private static final int INT64 = 7;

  /**
   * Reads an ONNX file.
   *
   * @throws FaceException MODEL_NOT_FOUND for a missing file, MODEL_INVALID for one that is not an
   *     ONNX model this reader understands (no graph, external data, tensor types other than
   *     float32 and int64, not exactly one input besides the initializers)
   */
  static OnnxModel read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new FaceException(ErrorCode.MODEL_NOT_FOUND, "no onnx model at " + file, e);
    } catch (IOException e) {
      throw new FaceException(ErrorCode.MODEL_INVALID, "cannot read " + file + ": " + e, e);
    }
    try {
      return parse(bytes);
    } catch (FaceException e) {
      throw new FaceException(e.errorCode(), file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID, file + " is not a readable ONNX model: " + e, e);
    }
  }

  static OnnxModel parse(byte[] bytes) {
    Wire graph = null;
    for (Wire model = new Wire(bytes, 0, bytes.length); model.more(); ) {
      int field = model.tag();
      if (field == 7) {
        graph = model.message();
      } else {
        model.skip();
      }
    }
    if (graph == null) {
      throw new FaceException(ErrorCode.MODEL_INVALID, "the file has no graph");
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, Tensor> initializers = new LinkedHashMap<>();
    Map<String, long[]> inputs = new LinkedHashMap<>();
    List<String> outputs = new ArrayList<>();
    while (graph.more()) {
      switch (graph.tag()) {
        case 1 -> nodes.add(node(graph.message()));
        case 5 -> {
          Wire tensor = graph.message();
          String[] name = new String[1];
          initializers.put(nameOf(tensor, name), tensor(tensor.rewind(), name[0]));
        }
        case 11 -> {
          Wire info = graph.message();
          String[] name = new String[1];
          long[] shape = valueInfo(info, name);
          inputs.put(name[0], shape);
        }
        case 12 -> {
          String[] name = new String[1];
          valueInfo(graph.message(), name);
          outputs.add(name[0]);
        }
        default -> graph.skip();
      }
    }
    inputs.keySet().removeAll(initializers.keySet());
    if (inputs.size() != 1) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "expected one graph input, found " + inputs.keySet());
    }
    Map.Entry<String, long[]> input = inputs.entrySet().iterator().next();
    return new OnnxModel(
        List.copyOf(nodes), initializers, input.getKey(), input.getValue(), List.copyOf(outputs));
  }

  private static Node node(Wire w) {
    String name = "";
    String op = null;
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>();
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    while (w.more()) {
      switch (w.tag()) {
        case 1 -> in.add(w.string());
        case 2 -> out.add(w.string());
        case 3 -> name = w.string();
        case 4 -> op = w.string();
        case 5 -> {
          Wire a = w.message();
          String key = null;
          long integer = 0;
          List<Long> integers = new ArrayList<>();
          float real = 0;
          String string = null;
          while (a.more()) {
            switch (a.tag()) {
              case 1 -> key = a.string();
              case 2 -> real = a.fixed32Float();
              case 3 -> integer = a.varint();
              case 4 -> string = a.string();
              case 8 -> a.longs(integers);
              default -> a.skip();
            }
          }
          long[] ints = integers.stream().mapToLong(Long::longValue).toArray();
          attributes.put(key, new Attribute(integer, ints, real, string));
        }
        default -> w.skip();
      }
    }
    if (op == null) {
      throw new FaceException(ErrorCode.MODEL_INVALID, "node " + name + " has no op_type");
    }
    return new Node(name.isEmpty() ? String.join(",", out) : name, op, in, out, attributes);
  }

  private static String nameOf(Wire tensor, String[] name) {
    while (tensor.more()) {
      if (tensor.tag() == 8) {
        name[0] = tensor.string();
      } else {
        tensor.skip();
      }
    }
    if (name[0] == null) {
      throw new FaceException(ErrorCode.MODEL_INVALID, "an initializer has no name");
    }
    return name[0];
  }

  private static Tensor tensor(Wire w, String name) {
    List<Long> dims = new ArrayList<>();
    int type = 0;
    byte[] raw = null;
    List<Float> floats = new ArrayList<>();
    List<Long> longs = new ArrayList<>();
    while (w.more()) {
      switch (w.tag()) {
        case 1 -> w.longs(dims);
        case 2 -> type = (int) w.varint();
        case 4 -> w.floats(floats);
        case 7 -> w.longs(longs);
        case 9 -> raw = w.bytes();
        case 14 -> {
          if (w.varint() != 0) {
            throw new FaceException(
                ErrorCode.MODEL_INVALID,
                "initializer " + name + " keeps its data outside the file");
          }
        }
        default -> w.skip();
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    if (type == FLOAT) {
      float[] values = new float[Math.toIntExact(count)];
      if (raw != null) {
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      } else if (floats.size() == values.length) {
        for (int i = 0; i < values.length; i++) {
          values[i] = floats.get(i);
        }
      } else {
        throw new FaceException(
            ErrorCode.MODEL_INVALID, "initializer " + name + " has the wrong number of values");
      }
      return new Tensor(shape, values, null);
    }
    if (type == INT64) {
      long[] values = new long[Math.toIntExact(count)];
      if (raw != null) {
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
      } else if (longs.size() == values.length) {
        for (int i = 0; i < values.length; i++) {
          values[i] = longs.get(i);
        }
      } else {
        throw new FaceException(
            ErrorCode.MODEL_INVALID, "initializer " + name + " has the wrong number of values");
      }
      return new Tensor(shape, null, values);
    }
    throw new FaceException(
        ErrorCode.MODEL_INVALID,
        "initializer " + name + " has data type " + type + "; only float32 and int64 are read");
  }

  /** A ValueInfoProto's name (into {@code name[0]}) and tensor shape, -1 for a symbolic size. */
  private static long[] valueInfo(Wire w, String[] name) {
    List<Long> shape = new ArrayList<>();
    while (w.more()) {
      switch (w.tag()) {
        case 1 -> name[0] = w.string();
        case 2 -> {
          for (Wire type = w.message(); type.more(); ) {
            if (type.tag() != 1) {
              type.skip();
              continue;
            }
            for (Wire tensorType = type.message(); tensorType.more(); ) {
              if (tensorType.tag() != 2) {
                tensorType.skip();
                continue;
              }
              for (Wire dims = tensorType.message(); dims.more(); ) {
                if (dims.tag() != 1) {
                  dims.skip();
                  continue;
                }
                long size = -1;
                for (Wire dim = dims.message(); dim.more(); ) {
                  if (dim.tag() == 1) {
                    size = dim.varint();
                  } else {
                    dim.skip();
                  }
                }
                shape.add(size);
              }
            }
          }
        }
        default -> w.skip();
      }
    }
    return shape.stream().mapToLong(Long::longValue).toArray();
  }

  /** A cursor over one protobuf message's bytes. */
  private static final class Wire {
    private final byte[] bytes;
    private final int start;
    private final int end;
    private int at;
    private int wireType;

    Wire(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.start = start;
      this.end = end;
      this.at = start;
    }

    Wire rewind() {
      at = start;
      return this;
    }

    boolean more() {
      return at < end;
    }

    /** Reads a key; returns the field number and remembers the wire type. */
    int tag() {
      long key = varint();
      wireType = (int) (key & 7);
      return (int) (key >>> 3);
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at >= end) {
          throw new IllegalStateException("truncated varint");
        }
        byte b = bytes[at++];
        result |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return result;
        }
      }
      throw new IllegalStateException("varint too long");
    }

    private int length() {
      long n = varint();
      if (n < 0 || at + n > end) {
        throw new IllegalStateException("length " + n + " runs past the message");
      }
      return (int) n;
    }

    Wire message() {
      int n = length();
      Wire inner = new Wire(bytes, at, at + n);
      at += n;
      return inner;
    }

    byte[] bytes() {
      int n = length();
      byte[] copy = new byte[n];
      System.arraycopy(bytes, at, copy, 0, n);
      at += n;
      return copy;
    }

    String string() {
      int n = length();
      String s = new String(bytes, at, n, StandardCharsets.UTF_8);
      at += n;
      return s;
    }

    float fixed32Float() {
      float f = ByteBuffer.wrap(bytes, at, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
      at += 4;
      return f;
    }

    /** A repeated int64 field: one varint, or a packed run of them. */
    void longs(List<Long> into) {
      if (wireType == 2) {
        Wire packed = message();
        while (packed.more()) {
          into.add(packed.varint());
        }
      } else {
        into.add(varint());
      }
    }

    /** A repeated float field: one fixed32, or a packed run of them. */
    void floats(List<Float> into) {
      if (wireType == 2) {
        Wire packed = message();
        while (packed.more()) {
          into.add(packed.fixed32Float());
        }
      } else {
        into.add(fixed32Float());
      }
    }

    void skip() {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> at += 8;
        case 2 -> {
          int n = length(); // not `at += length()`: that adds to `at` as it was before the length
          at += n;
        }
        case 5 -> at += 4;
        default -> throw new IllegalStateException("unsupported wire type " + wireType);
      }
      if (at > end) {
        throw new IllegalStateException("field runs past the message");
      }
    }
  }
}
