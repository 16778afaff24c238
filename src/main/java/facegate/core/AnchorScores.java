package facegate.core;

/**
 * What a single-shot detector network gives for one square input, before suppression: a box and a
 * face score per anchor.
 *
 * @param boxes 4 values per anchor, {@code ymin, xmin, ymax, xmax}, relative to the input side (0
 *     top/left edge, 1 bottom/right edge); not clipped, so values may fall outside [0, 1]
 * @param scores one face probability in [0, 1] per anchor
 */
public record AnchorScores(float[] boxes, float[] scores) {
  public AnchorScores {
    if (boxes == null || scores == null || boxes.length != 4 * scores.length) {
      throw new IllegalArgumentException("need 4 box values per score");
    }
    boxes = boxes.clone();
    scores = scores.clone();
  }

  /** Number of anchors. */
  public int count() {
    return scores.length;
  }

  /** Value {@code k} (0 ymin, 1 xmin, 2 ymax, 3 xmax) of anchor {@code anchor}'s box. */
  public float box(int anchor, int k) {
    return boxes[anchor * 4 + k];
  }

  public float score(int anchor) {
    return scores[anchor];
  }

  @Override
  public float[] boxes() {
    return boxes.clone();
  }

  @Override
  public float[] scores() {
    return scores.clone();
  }
}
