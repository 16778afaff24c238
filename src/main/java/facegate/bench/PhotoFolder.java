package facegate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The photos of a {@code <Name>/<image>} folder that the benchmarks send or embed. */
public final class PhotoFolder {
  private PhotoFolder() {}

  /** Every JPEG or PNG under {@code folder}, sorted by path; fails when there is none. */
  public static List<Path> photos(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> photos =
          files
              .filter(Files::isRegularFile)
              .filter(
                  file -> {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
                  })
              .sorted()
              .toList();
      if (photos.isEmpty()) {
        throw new IllegalArgumentException("no JPEG or PNG photos under " + folder);
      }
      return photos;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** The bytes of each photo, in order. */
  public static List<byte[]> read(List<Path> photos) {
    List<byte[]> bytes = new ArrayList<>(photos.size());
    for (Path photo : photos) {
      try {
        bytes.add(Files.readAllBytes(photo));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + photo, e);
      }
    }
    return bytes;
  }

  /** Photos per person folder, folders and photos in name order. */
  public static Map<String, List<byte[]>> byPerson(Path folder) {
    Map<String, List<byte[]>> byPerson = new LinkedHashMap<>();
    for (Path photo : photos(folder)) {
      String person = photo.getParent().getFileName().toString();
      byPerson.computeIfAbsent(person, name -> new ArrayList<>()).addAll(read(List.of(photo)));
    }
    return byPerson;
  }
}
