package facegate.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image file of a labelled face dataset.
 *
 * @param identity who is in the image; not blank
 * @param path the image file
 */
public record LabelledImage(String identity, Path path) {
  public LabelledImage {
    Objects.requireNonNull(path, "path");
    if (identity == null || identity.isBlank() || identity.contains("\t")) {
      throw new IllegalArgumentException("identity must be non-blank, without tabs: " + identity);
    }
  }
}
