package facegate.pose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The images of the shared data (CelebA and LFW) that the pose survey covers, named by their path
 * relative to the data root ({@code lfw/images/<Name>/<file>.jpg}), and who each shows.
 */
public final class SharedDataImages {
  /** The image folders of the shared data, relative to the data root. */
  public static final List<String> IMAGE_FOLDERS = List.of("celeba-299/images", "lfw/images");

  private final Path data;

  /**
   * @param data the shared data root; a missing image folder is skipped
   */
  public SharedDataImages(Path data) {
    this.data = data;
  }

  /** Every JPEG under the image folders, sorted; the first {@code limit} when it is positive. */
  public List<String> list(int limit) {
    List<String> images = new ArrayList<>();
    for (String folder : IMAGE_FOLDERS) {
      Path root = data.resolve(folder);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg"))
            .map(f -> data.relativize(f).toString().replace('\\', '/'))
            .sorted()
            .forEach(images::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + root, e);
      }
    }
    return limit > 0 ? images.subList(0, Math.min(limit, images.size())) : images;
  }

  /**
   * The pose of every listed image whose cached record has a face, in the order of {@code images};
   * images without a record or a face are left out.
   */
  public List<PoseEntry> estimate(Map<String, FaceRecord> records, List<String> images) {
    HeadPoseEstimator estimator = HeadPoseEstimator.shipped();
    Map<String, String> celebaIdentities = celebaIdentities();
    List<PoseEntry> entries = new ArrayList<>();
    for (String image : images) {
      FaceRecord record = records.get(image);
      if (record == null || !record.hasFace()) {
        continue;
      }
      entries.add(
          new PoseEntry(
              image,
              identity(image, celebaIdentities),
              record.view(),
              estimator.estimate(record.landmarks())));
    }
    return entries;
  }

  /** LFW: the person's folder; CelebA: the identity number from identities.txt, else "unknown". */
  static String identity(String image, Map<String, String> celebaIdentities) {
    String[] parts = image.split("/");
    if (parts[0].equals("lfw") && parts.length >= 4) {
      return parts[2];
    }
    return celebaIdentities.getOrDefault(parts[parts.length - 1], "unknown");
  }

  private Map<String, String> celebaIdentities() {
    Map<String, String> identities = new HashMap<>();
    Path file = data.resolve("celeba-299/identities.txt");
    if (!Files.exists(file)) {
      return identities;
    }
    try {
      for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 2) {
          identities.put(f[0], f[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return identities;
  }
}
