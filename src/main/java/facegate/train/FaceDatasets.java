package facegate.train;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Lists the images of the two dataset layouts facegate trains on. */
public final class FaceDatasets {
  private FaceDatasets() {}

  /**
   * The LFW layout: one folder per identity ({@code root/<Name>/*.jpg|png}), the folder name being
   * the identity. Sorted by identity, then file name, so that seeded runs repeat.
   *
   * @throws FaceException DATASET_INVALID when {@code root} is not a folder
   */
  public static List<LabelledImage> folderPerIdentity(Path root) {
    requireFolder(root);
    List<LabelledImage> images = new ArrayList<>();
    try (Stream<Path> people = Files.list(root)) {
      for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
        String identity = person.getFileName().toString();
        try (Stream<Path> files = Files.list(person)) {
          files
              .filter(FaceDatasets::isImageFile)
              .sorted()
              .forEach(file -> images.add(new LabelledImage(identity, file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    return images;
  }

  /**
   * The CelebA layout: a text file of {@code image identity} lines (blank lines ignored), the
   * images in {@code imagesDir}. The identity is prefixed with {@code prefix} (e.g. {@code
   * celeba-}) so that it cannot collide with another dataset's names.
   *
   * @throws FaceException DATASET_INVALID for a malformed line or a missing file
   */
  public static List<LabelledImage> identityList(Path listFile, Path imagesDir, String prefix) {
    requireFolder(imagesDir);
    List<String> lines;
    try {
      lines = Files.readAllLines(listFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new FaceException(
          ErrorCode.DATASET_INVALID, "cannot read identity list " + listFile + ": " + e, e);
    }
    List<LabelledImage> images = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length != 2) {
        throw new FaceException(
            ErrorCode.DATASET_INVALID,
            listFile + " line " + (i + 1) + ": expected `image identity`, got `" + line + "`");
      }
      Path file = imagesDir.resolve(fields[0]);
      if (!Files.isRegularFile(file)) {
        throw new FaceException(
            ErrorCode.DATASET_INVALID, listFile + " line " + (i + 1) + ": no file " + file);
      }
      images.add(new LabelledImage(prefix + fields[1], file));
    }
    return images;
  }

  private static void requireFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new FaceException(ErrorCode.DATASET_INVALID, "not a folder: " + dir);
    }
  }

  private static boolean isImageFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return Files.isRegularFile(file)
        && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
  }
}
