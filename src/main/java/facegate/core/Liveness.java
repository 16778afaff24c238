package facegate.core;

import java.util.Objects;

/**
 * A liveness check's result for one face.
 *
 * @param score in [0, 1]: how likely the face is live (not NaN)
 * @param region the square region of the image the check looked at, in image pixels
 */
public record Liveness(double score, FaceBox region) {
  public Liveness {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("liveness score must lie in [0, 1], got " + score);
    }
    Objects.requireNonNull(region, "region");
  }
}
