package facegate.gallery;

import facegate.core.AtomicFiles;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Crops as PNG files in a folder (the service uses {@code <gallery>/crops/}), one per person, named
 * by the URL-safe Base64 of the id (so no id can name another path). Each file is written to a
 * temporary file, forced, renamed over the target and the folder forced; deletion forces the folder
 * too.
 */
public final class FolderFaceCrops implements FaceCrops {
  private static final String SUFFIX = ".png";
  private final Path folder;

  /** Creates {@code folder} when missing. */
  public FolderFaceCrops(Path folder) {
    this.folder = folder;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw storageFailed("cannot create the crops folder " + folder, e);
    }
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public void put(String id, byte[] png) {
    try {
      AtomicFiles.replace(file(id), out -> out.write(png));
    } catch (IOException e) {
      throw storageFailed("cannot store the crop of '" + id + "' in " + folder, e);
    }
  }

  @Override
  public Optional<byte[]> png(String id) {
    try {
      return Optional.of(Files.readAllBytes(file(id)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw storageFailed("cannot read the crop of '" + id + "' in " + folder, e);
    }
  }

  @Override
  public void remove(String id) {
    try {
      AtomicFiles.delete(file(id));
    } catch (IOException e) {
      throw storageFailed("cannot delete the crop of '" + id + "' in " + folder, e);
    }
  }

  @Override
  public int retainOnly(Collection<String> ids) {
    Set<String> keep = new HashSet<>();
    ids.forEach(id -> keep.add(fileName(id)));
    List<Path> stale;
    try (Stream<Path> files = Files.list(folder)) {
      stale = files.filter(path -> !keep.contains(path.getFileName().toString())).toList();
      for (Path path : stale) {
        Files.deleteIfExists(path);
      }
      if (!stale.isEmpty()) {
        AtomicFiles.forceDirectory(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the crops folder " + folder, e);
    }
    return stale.size();
  }

  private Path file(String id) {
    return folder.resolve(fileName(Person.requireValidId(id)));
  }

  private static String fileName(String id) {
    return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(id.getBytes(StandardCharsets.UTF_8))
        + SUFFIX;
  }

  private static FaceException storageFailed(String message, IOException cause) {
    return new FaceException(ErrorCode.INTERNAL, message + ": " + cause.getMessage(), cause);
  }
}
