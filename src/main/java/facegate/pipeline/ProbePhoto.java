package facegate.pipeline;

import facegate.core.FaceBox;
import facegate.core.RgbImage;
import java.util.Objects;
import java.util.function.Function;

/**
 * One request's photo: its bytes, and once a step has needed them, the decoded image and its
 * largest face, kept so that the next step (liveness, then verify or identify) neither decodes nor
 * detects again. Not thread-safe: a request's steps run one after the other.
 */
public final class ProbePhoto {
  /** A decoded photo and the box of its largest face, in the image's pixels. */
  public record Detected(RgbImage image, FaceBox face) {
    public Detected {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(face, "face");
    }
  }

  private final byte[] bytes;
  private Detected detected;

  private ProbePhoto(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** The photo {@code bytes} (not copied), not decoded yet. */
  public static ProbePhoto of(byte[] bytes) {
    return new ProbePhoto(bytes);
  }

  public byte[] bytes() {
    return bytes;
  }

  /**
   * The decoded photo and its largest face: {@code detect}'s answer for the bytes the first time,
   * the same answer afterwards. A failure (bad bytes, no face) is not kept: it propagates.
   */
  Detected detected(Function<byte[], Detected> detect) {
    if (detected == null) {
      detected = Objects.requireNonNull(detect.apply(bytes), "detected");
    }
    return detected;
  }
}
