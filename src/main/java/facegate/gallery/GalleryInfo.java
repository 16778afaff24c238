package facegate.gallery;

import java.util.Objects;

/**
 * What a gallery holds.
 *
 * @param modelName the embedding model its templates come from, not blank
 * @param dimension the templates' dimension, at least 1
 * @param people how many people are enrolled, at least 0
 * @param templates how many templates they hold together, at least {@code people}
 */
public record GalleryInfo(String modelName, int dimension, int people, int templates) {
  public GalleryInfo {
    Objects.requireNonNull(modelName, "modelName");
    if (dimension < 1 || people < 0 || templates < people) {
      throw new IllegalArgumentException(
          "invalid gallery info: dimension="
              + dimension
              + " people="
              + people
              + " templates="
              + templates);
    }
  }
}
