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

  /**
   * The fields a trained model's model.json gets besides the network's: the validation threshold as
   * verifyThreshold (and how it was chosen), and the training manifest: {@code provenance}, the
   * config, the identity and image counts of the split, the metrics of {@code result}.
   */
  static JsonObject modelFields(
      JsonObject provenance, TrainingConfig config, IdentitySplit split, TrainingResult result) {
    JsonObject extra = new JsonObject();
    extra.addProperty("verifyThreshold", result.threshold());
    JsonObject training = provenance.deepCopy();
    training.add("config", config(config));
    training.addProperty("trainingIdentities", countIdentities(split.training()));
    training.addProperty("trainingImages", split.training().size());
    training.addProperty("validationIdentities", countIdentities(split.validation()));
    training.add("metrics", metrics(result));
    extra.add("training", training);
    extra.addProperty(
        "verifyThresholdMethod",
        "accuracy-optimal cosine threshold on validation pairs of held-aside training identities");
    return extra;
  }

  private static long countIdentities(List<FaceSample> samples) {
    return samples.stream().map(FaceSample::identity).distinct().count();
  }

  static JsonObject metrics(TrainingResult result) {
    return new Gson().toJsonTree(result).getAsJsonObject();
  }

  /**
   * The manifest fields known before training: the training data's hash, the commit, the crop
   * cache's fingerprint, how many identities were held out for testing, and the licence.
   *
   * @param baseModel the fine-tuned model folder, or null when training from scratch
   * @param datasetNames the datasets trained on, as the command named them
   */
  public static JsonObject provenance(
      IdentitySplit split,
      String gitCommit,
      String cropCacheFingerprint,
      int excludedIdentities,
      Path baseModel,
      String datasetNames) {
    JsonObject provenance = new JsonObject();
    provenance.addProperty("dataHash", dataHash(split.training()));
    provenance.addProperty("gitCommit", gitCommit);
    provenance.addProperty("cropCacheFingerprint", cropCacheFingerprint);
    provenance.addProperty("excludedIdentities", excludedIdentities);
    provenance.addProperty(
        "licence",
        baseModel == null
            ? "facegate's own weights, trained from scratch on "
                + datasetNames
                + " (research data; see LICENSE)"
            : "derived from " + baseModel + " (see its LICENSE), fine-tuned on " + datasetNames);
    return provenance;
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
