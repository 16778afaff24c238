package facegate.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The parts of the manifest saved beside trained weights: config, data hash, metrics. */
public final class TrainingManifest {
  private TrainingManifest() {}

  static JsonObject config(TrainingConfig config) {
    // Gson cannot reflect into java.nio's Path implementation: write paths as strings.
    JsonSerializer<Path> path = (value, type, context) -> new JsonPrimitive(value.toString());
    Gson gson = new GsonBuilder().registerTypeHierarchyAdapter(Path.class, path).create();
    JsonObject json = gson.toJsonTree(config).getAsJsonObject();
    json.addProperty("objective", config.objective());
    return json;
  }

  static JsonObject metrics(TrainingResult result) {
    return new Gson().toJsonTree(result).getAsJsonObject();
  }

  /** SHA-256 over every sample's identity, source file and chip bytes, in order. */
  public static String dataHash(List<FaceSample> samples) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (FaceSample sample : samples) {
        digest.update(sample.identity().getBytes(StandardCharsets.UTF_8));
        digest.update(sample.source().getBytes(StandardCharsets.UTF_8));
        digest.update(sample.chip().rgb());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
