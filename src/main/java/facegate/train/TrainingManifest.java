package facegate.train;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The parts of the manifest saved beside trained weights: config, data hash, metrics. */
public final class TrainingManifest {
  private TrainingManifest() {}

  static JsonObject config(TrainingConfig config) {
    JsonObject json = new Gson().toJsonTree(config).getAsJsonObject();
    json.addProperty("objective", config.objective());
    if (config.baseModel() != null) {
      json.addProperty("baseModel", config.baseModel().toString());
    }
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
