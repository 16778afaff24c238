package facegate.gallery;

import facegate.core.AtomicFiles;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gallery.json}: which model and dimension a gallery folder was created for, and its format
 * version. Written once, when the folder is created; checked on every open, so templates from two
 * models never mix.
 *
 * @param formatVersion the on-disk format, currently 1
 * @param modelName the embedding model, as in {@link GalleryOptions#modelName()}
 * @param dimension the embedding dimension
 */
record GalleryManifest(int formatVersion, String modelName, int dimension) {
  static final String FILE = "gallery.json";
  static final int FORMAT_VERSION = 1;
  private static final Pattern VERSION = Pattern.compile("\"formatVersion\"\\s*:\\s*(\\d{1,9})");
  private static final Pattern MODEL =
      Pattern.compile("\"modelName\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern DIMENSION = Pattern.compile("\"dimension\"\\s*:\\s*(\\d{1,9})");

  GalleryManifest {
    if (formatVersion < 1 || modelName == null || dimension < 1) {
      throw new IllegalArgumentException("invalid gallery manifest");
    }
  }

  /**
   * Checks the manifest in {@code directory} against {@code options}, writing it first if the
   * folder is new.
   *
   * @throws FaceException {@code gallery_model_mismatch} when the folder was made for another model
   *     or dimension; {@code gallery_corrupt} when the manifest is missing from a used folder or
   *     unreadable
   */
  static GalleryManifest verifyOrCreate(Path directory, GalleryOptions options, boolean used)
      throws IOException {
    Path file = directory.resolve(FILE);
    GalleryManifest wanted =
        new GalleryManifest(FORMAT_VERSION, options.modelName(), options.dimension());
    if (!Files.exists(file)) {
      if (used) {
        throw new FaceException(
            ErrorCode.GALLERY_CORRUPT,
            "gallery folder "
                + directory
                + " holds data but no "
                + FILE
                + "; restore it from a backup, or re-enroll into a new gallery folder");
      }
      AtomicFiles.replace(file, out -> out.write(wanted.toJson().getBytes(StandardCharsets.UTF_8)));
      return wanted;
    }
    GalleryManifest found = parse(Files.readString(file, StandardCharsets.UTF_8), file);
    if (found.formatVersion() != FORMAT_VERSION) {
      throw new FaceException(
          ErrorCode.GALLERY_CORRUPT,
          file
              + " has format version "
              + found.formatVersion()
              + "; this facegate reads version "
              + FORMAT_VERSION
              + ": upgrade facegate or use a new gallery folder");
    }
    if (!found.modelName().equals(wanted.modelName()) || found.dimension() != wanted.dimension()) {
      throw new FaceException(
          ErrorCode.GALLERY_MODEL_MISMATCH,
          "gallery folder "
              + directory
              + " holds templates of model '"
              + found.modelName()
              + "' (dimension "
              + found.dimension()
              + "), but the service runs model '"
              + wanted.modelName()
              + "' (dimension "
              + wanted.dimension()
              + "). Templates of"
              + " different models cannot be compared: point facegate.gallery-dir at another"
              + " folder and re-enroll everyone there from their photos, or run the model the"
              + " gallery was made with");
    }
    return found;
  }

  private static GalleryManifest parse(String json, Path file) {
    Matcher version = VERSION.matcher(json);
    Matcher model = MODEL.matcher(json);
    Matcher dimension = DIMENSION.matcher(json);
    if (!version.find() || !model.find() || !dimension.find()) {
      throw new FaceException(
          ErrorCode.GALLERY_CORRUPT,
          file + " is not a valid gallery manifest; restore it from a backup");
    }
    String escaped = model.group(1);
    StringBuilder name = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      name.append(c == '\\' && i + 1 < escaped.length() ? escaped.charAt(++i) : c);
    }
    return new GalleryManifest(
        Integer.parseInt(version.group(1)), name.toString(), Integer.parseInt(dimension.group(1)));
  }

  String toJson() {
    String name = modelName.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\n  \"formatVersion\": "
        + formatVersion
        + ",\n  \"modelName\": \""
        + name
        + "\",\n  \"dimension\": "
        + dimension
        + "\n}\n";
  }
}
