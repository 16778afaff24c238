package facegate.embed;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.Pair;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Converts the face recognition, 68-landmark and SSD-MobileNetV1 face detection networks of the
 * {@code @vladmandic/face-api} npm package (tfjs weights) into DJL parameter files with a {@code
 * model.json} each.
 *
 * <p>For each network it writes {@code out/<name>/<name>-0000.params}, the package's {@code
 * LICENSE} and {@code model.json} (architecture, input, normalisation, output dimension, source
 * files with their sha256, licence, sha256 of every written file, the command). Nothing is
 * downloaded. A package that is not face-api, or weights whose names or shapes do not fit the
 * architecture, fail with {@link ErrorCode#MODEL_INVALID}.
 */
public final class FaceApiConverter {
  /** The npm package the weights come from. */
  public static final String PACKAGE_NAME = "@vladmandic/face-api";

  private final Path packageDir;
  private final Path outDir;
  private final String command;

  /**
   * @param packageDir the unpacked npm package (holds package.json, LICENSE and model/)
   * @param outDir where the model directories go; created if missing
   * @param command the command line that runs this conversion, recorded in model.json
   */
  public FaceApiConverter(Path packageDir, Path outDir, String command) {
    this.packageDir = packageDir;
    this.outDir = outDir;
    this.command = command;
  }

  /** Converts every network of {@link FaceApiNetwork}; returns the model directories written. */
  public List<Path> convertAll() {
    String version = packageVersion();
    List<Path> written = new ArrayList<>();
    for (FaceApiNetwork network : FaceApiNetwork.values()) {
      written.add(convert(network, version));
    }
    return written;
  }

  private String packageVersion() {
    Path packageJson = packageDir.resolve("package.json");
    try {
      JsonObject json = JsonParser.parseString(Files.readString(packageJson)).getAsJsonObject();
      String name = json.get("name").getAsString();
      if (!PACKAGE_NAME.equals(name)) {
        throw new FaceException(
            ErrorCode.MODEL_INVALID, packageJson + " is " + name + ", not " + PACKAGE_NAME);
      }
      return json.get("version").getAsString();
    } catch (IOException | IllegalStateException | NullPointerException e) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          "cannot read " + packageJson + "; --package must be the unpacked " + PACKAGE_NAME,
          e);
    }
  }

  private Path convert(FaceApiNetwork network, String version) {
    Path manifest = packageDir.resolve("model").resolve(network.manifestFile());
    Map<String, TfjsTensor> weights = TfjsWeights.read(manifest);
    Path dir = outDir.resolve(network.modelName());
    try {
      Files.createDirectories(dir);
      Path params = dir.resolve(network.modelName() + "-0000.params");
      Files.deleteIfExists(params);
      saveParameters(network, weights, dir);
      Files.copy(
          packageDir.resolve("LICENSE"),
          dir.resolve("LICENSE"),
          StandardCopyOption.REPLACE_EXISTING);
      JsonObject card = card(network, version, manifest, params, dir.resolve("LICENSE"));
      Gson gson =
          new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();
      Files.writeString(
          dir.resolve(ModelCard.FILE_NAME), gson.toJson(card) + "\n", StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new FaceException(ErrorCode.INTERNAL, "cannot write " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void saveParameters(
      FaceApiNetwork network, Map<String, TfjsTensor> weights, Path dir) throws IOException {
    try (Model model = Model.newInstance(network.modelName(), Device.cpu())) {
      Block block = network.newBlock();
      model.setBlock(block);
      block.setInitializer(new ConstantInitializer(0), parameter -> true);
      int side = network.inputSize();
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, side, side));
      network.importTfjs(block, weights);
      long blockValues = 0;
      for (Pair<String, Parameter> parameter : block.getParameters()) {
        blockValues += parameter.getValue().getArray().size();
      }
      long tfjsValues =
          weights.values().stream()
              .filter(t -> network.usesWeight(t.name()))
              .mapToLong(t -> t.values().length)
              .sum();
      if (blockValues != tfjsValues) {
        throw new FaceException(
            ErrorCode.MODEL_INVALID,
            network.manifestFile()
                + " holds "
                + tfjsValues
                + " values but the "
                + network.architecture()
                + " block takes "
                + blockValues);
      }
      model.setProperty("Epoch", "0");
      model.save(dir, network.modelName());
    }
  }

  private JsonObject card(
      FaceApiNetwork network, String version, Path manifest, Path params, Path license)
      throws IOException {
    JsonObject card = new JsonObject();
    card.addProperty("name", network.modelName());
    card.addProperty("architecture", network.architecture());
    card.addProperty("inputSize", network.inputSize());
    card.addProperty("channelOrder", "RGB");
    JsonArray mean = new JsonArray();
    for (double m : network.meanRgb()) {
      mean.add(m);
    }
    card.add("meanRgb", mean);
    card.addProperty("scale", network.scale());
    card.addProperty("normalization", "input = (pixel - meanRgb[channel]) * scale, NCHW float32");
    card.addProperty("dimension", network.dimension());
    if (network == FaceApiNetwork.RECOGNITION) {
      card.addProperty("output", "128-d descriptor; facegate L2-normalises it");
      card.addProperty("metric", "cosine");
      card.add("verifyThreshold", null);
    } else if (network == FaceApiNetwork.LANDMARKS) {
      card.addProperty("output", "68 (x, y) pairs interleaved, relative to inputSize");
    } else {
      card.addProperty(
          "output",
          SsdMobilenetBlock.ANCHORS
              + " anchors x (ymin, xmin, ymax, xmax relative to inputSize, face score)");
      card.addProperty(
          "preprocessing",
          "pad right/bottom with black to a square, resize bilinearly to inputSize");
    }
    JsonObject source = new JsonObject();
    source.addProperty("npmPackage", PACKAGE_NAME);
    source.addProperty("version", version);
    JsonArray sourceFiles = new JsonArray();
    sourceFiles.add(fileEntry("model/" + network.manifestFile(), manifest));
    JsonArray groups = JsonParser.parseString(Files.readString(manifest)).getAsJsonArray();
    for (JsonElement group : groups) {
      for (JsonElement shard : group.getAsJsonObject().getAsJsonArray("paths")) {
        String name = shard.getAsString();
        sourceFiles.add(fileEntry("model/" + name, manifest.resolveSibling(name)));
      }
    }
    sourceFiles.add(fileEntry("LICENSE", packageDir.resolve("LICENSE")));
    source.add("files", sourceFiles);
    card.add("source", source);
    card.addProperty("licence", "MIT");
    JsonArray files = new JsonArray();
    files.add(fileEntry(params.getFileName().toString(), params));
    files.add(fileEntry("LICENSE", license));
    card.add("files", files);
    card.addProperty("command", command);
    return card;
  }

  private static JsonObject fileEntry(String name, Path file) throws IOException {
    JsonObject entry = new JsonObject();
    entry.addProperty("path", name);
    entry.addProperty("sha256", sha256(file));
    return entry;
  }

  /** Hex sha256 of a file's bytes. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
