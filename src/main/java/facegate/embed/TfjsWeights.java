package facegate.embed;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads TensorFlow.js weights: a {@code *-weights_manifest.json} and the binary shards it names.
 *
 * <p>Each manifest group lists shard files, read concatenated in order, and the weights stored in
 * them one after the other, little-endian. Supported: dtype {@code float32} and {@code int32}
 * (returned as floats), and quantisation {@code uint8}/{@code uint16} (value = q * scale + min,
 * rounded for int32 weights, as tfjs does) and {@code float16} (float32 weights only). Anything
 * else, a missing shard or a shard too short for its weights is a {@link FaceException} with {@link
 * ErrorCode#MODEL_INVALID}.
 */
public final class TfjsWeights {
  private TfjsWeights() {}

  /** All weights of the manifest, by name, in manifest order. */
  public static Map<String, TfjsTensor> read(Path manifest) {
    JsonElement root;
    try {
      root = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw invalid("cannot read tfjs manifest " + manifest + ": " + e.getMessage(), e);
    }
    if (!root.isJsonArray()) {
      throw invalid("tfjs manifest " + manifest + " is not a JSON array of weight groups", null);
    }
    return read(manifest.getParent(), root.getAsJsonArray());
  }

  /**
   * The weights of {@code groups} (a manifest's JSON array, or a graph model's {@code
   * weightsManifest}), whose shard paths are relative to {@code dir}.
   */
  static Map<String, TfjsTensor> read(Path dir, JsonArray groups) {
    Map<String, TfjsTensor> tensors = new LinkedHashMap<>();
    for (JsonElement group : groups) {
      readGroup(dir, group.getAsJsonObject(), tensors);
    }
    return Collections.unmodifiableMap(tensors);
  }

  private static void readGroup(Path dir, JsonObject group, Map<String, TfjsTensor> into) {
    ByteBuffer data = ByteBuffer.wrap(concatenateShards(dir, group.getAsJsonArray("paths")));
    data.order(ByteOrder.LITTLE_ENDIAN);
    for (JsonElement element : group.getAsJsonArray("weights")) {
      JsonObject weight = element.getAsJsonObject();
      String name = weight.get("name").getAsString();
      JsonArray shapeJson = weight.getAsJsonArray("shape");
      int[] shape = new int[shapeJson.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapeJson.get(i).getAsInt();
      }
      float[] values = new float[TfjsTensor.elementCount(shape)];
      String dtype = weight.get("dtype").getAsString();
      try {
        if (weight.has("quantization")) {
          readQuantized(data, weight.getAsJsonObject("quantization"), dtype, values, name);
        } else {
          readPlain(data, dtype, values, name);
        }
      } catch (BufferUnderflowException e) {
        throw invalid("tfjs shards end before weight " + name, e);
      }
      if (into.put(name, new TfjsTensor(name, shape, values)) != null) {
        throw invalid("tfjs manifest names weight " + name + " twice", null);
      }
    }
  }

  private static byte[] concatenateShards(Path dir, JsonArray paths) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (JsonElement path : paths) {
      Path shard = dir.resolve(path.getAsString());
      try {
        bytes.write(Files.readAllBytes(shard));
      } catch (IOException e) {
        throw invalid("cannot read tfjs weight shard " + shard + ": " + e.getMessage(), e);
      }
    }
    return bytes.toByteArray();
  }

  private static void readPlain(ByteBuffer data, String dtype, float[] values, String name) {
    switch (dtype) {
      case "float32" -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = data.getFloat();
        }
      }
      case "int32" -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = data.getInt();
        }
      }
      default -> throw invalid("weight " + name + " has unsupported dtype " + dtype, null);
    }
  }

  private static void readQuantized(
      ByteBuffer data, JsonObject quantization, String dtype, float[] values, String name) {
    String storedAs = quantization.get("dtype").getAsString();
    boolean integer = dtype.equals("int32");
    if (!dtype.equals("float32") && !integer) {
      throw invalid("quantised weight " + name + " has unsupported dtype " + dtype, null);
    }
    if (storedAs.equals("float16") && !integer) {
      for (int i = 0; i < values.length; i++) {
        values[i] = halfToFloat(data.getShort());
      }
      return;
    }
    if (!storedAs.equals("uint8") && !storedAs.equals("uint16")) {
      throw invalid(
          "weight " + name + " (" + dtype + ") has unsupported quantisation " + storedAs, null);
    }
    double scale = quantization.get("scale").getAsDouble();
    double min = quantization.get("min").getAsDouble();
    for (int i = 0; i < values.length; i++) {
      int quantized = storedAs.equals("uint8") ? data.get() & 0xff : data.getShort() & 0xffff;
      // As tfjs: computed in double, stored as float32; int32 weights rounded (Math.round).
      double value = quantized * scale + min;
      values[i] = integer ? Math.round(value) : (float) value;
    }
  }

  /** IEEE 754 half precision to float, including subnormals, infinities and NaN. */
  static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }

  private static FaceException invalid(String message, Throwable cause) {
    return new FaceException(ErrorCode.MODEL_INVALID, message, cause);
  }
}
