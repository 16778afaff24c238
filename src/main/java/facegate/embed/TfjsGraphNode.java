package facegate.embed;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TFJS graph model's {@code modelTopology.node}: a GraphDef node with its op, its
 * data inputs (control inputs {@code ^name} dropped, {@code name:0} read as {@code name}) and its
 * attributes, whose strings GraphDef stores base64-encoded.
 */
record TfjsGraphNode(String name, String op, List<String> inputs, JsonObject attributes) {
  TfjsGraphNode {
    if (name == null || name.isEmpty() || op == null || op.isEmpty()) {
      throw new IllegalArgumentException("a graph node needs a name and an op");
    }
    inputs = List.copyOf(inputs);
    attributes = attributes == null ? new JsonObject() : attributes;
  }

  /** Parses one element of {@code modelTopology.node}. */
  static TfjsGraphNode parse(JsonObject json) {
    String name = json.get("name").getAsString();
    List<String> inputs = new ArrayList<>();
    if (json.has("input")) {
      for (JsonElement input : json.getAsJsonArray("input")) {
        String source = input.getAsString();
        if (source.startsWith("^")) {
          continue;
        }
        int colon = source.lastIndexOf(':');
        if (colon > 0) {
          if (!source.substring(colon + 1).equals("0")) {
            throw new FaceException(
                ErrorCode.MODEL_INVALID,
                "node "
                    + name
                    + " reads output "
                    + source
                    + ": only single-output ops are supported");
          }
          source = source.substring(0, colon);
        }
        inputs.add(source);
      }
    }
    return new TfjsGraphNode(
        name, json.get("op").getAsString(), inputs, json.getAsJsonObject("attr"));
  }

  /** Data input {@code index}, or MODEL_INVALID when the node has fewer. */
  String input(int index) {
    if (index >= inputs.size()) {
      throw invalid("needs at least " + (index + 1) + " inputs");
    }
    return inputs.get(index);
  }

  boolean has(String attribute) {
    return attributes.has(attribute);
  }

  long integer(String attribute, long fallback) {
    return has(attribute) ? attributes.getAsJsonObject(attribute).get("i").getAsLong() : fallback;
  }

  float real(String attribute, float fallback) {
    return has(attribute) ? attributes.getAsJsonObject(attribute).get("f").getAsFloat() : fallback;
  }

  boolean flag(String attribute, boolean fallback) {
    return has(attribute)
        ? attributes.getAsJsonObject(attribute).get("b").getAsBoolean()
        : fallback;
  }

  String string(String attribute, String fallback) {
    return has(attribute) ? decode(attributes.getAsJsonObject(attribute).get("s")) : fallback;
  }

  /** A list attribute of integers ({@code list.i}); empty when absent. */
  long[] integers(String attribute) {
    JsonArray values = list(attribute, "i");
    long[] result = new long[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.get(i).getAsLong();
    }
    return result;
  }

  /** A list attribute of strings ({@code list.s}), decoded; empty when absent. */
  List<String> strings(String attribute) {
    List<String> result = new ArrayList<>();
    for (JsonElement value : list(attribute, "s")) {
      result.add(decode(value));
    }
    return result;
  }

  /** The {@code type} of a type attribute such as {@code dtype}, e.g. {@code DT_FLOAT}. */
  String type(String attribute) {
    return has(attribute) ? attributes.getAsJsonObject(attribute).get("type").getAsString() : "";
  }

  private JsonArray list(String attribute, String kind) {
    if (!has(attribute)) {
      return new JsonArray();
    }
    JsonObject list = attributes.getAsJsonObject(attribute).getAsJsonObject("list");
    return list != null && list.has(kind) ? list.getAsJsonArray(kind) : new JsonArray();
  }

  private static String decode(JsonElement base64) {
    return new String(Base64.getDecoder().decode(base64.getAsString()), StandardCharsets.UTF_8);
  }

  /** A MODEL_INVALID error naming this node and its op. */
  FaceException invalid(String problem) {
    return new FaceException(
        ErrorCode.MODEL_INVALID, "tfjs graph node " + name + " (" + op + ") " + problem);
  }
}
