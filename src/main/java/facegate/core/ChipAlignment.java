package facegate.core;

import java.util.Locale;

/**
 * Where an embedding network expects the face in its square input chip: the layout its training
 * crops had. A model's {@code model.json} names it in {@code alignment} ({@link #id()}); absent
 * means {@link #DLIB}.
 */
public enum ChipAlignment {
  /**
   * dlib's mean face shape (eyes, nose, upper mouth of the 68 landmarks) with 0.25 of the face size
   * as padding on each side: the dlib ResNet's chip ({@code get_face_chip_details(shape, 150,
   * 0.25)}), scaled to the network's input side.
   */
  DLIB,

  /**
   * InsightFace's 5-point template of the 112x112 ArcFace crops (eye centres, nose tip, mouth
   * corners; {@code arcface_dst}), scaled to the network's input side: the tighter, lower crop of
   * the MS1M/ArcFace training sets, on which MobileFace works.
   */
  ARCFACE;

  /** The name {@code model.json} uses: {@code dlib} or {@code arcface}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The alignment named {@code id} in a {@code model.json}; {@link #DLIB} for null.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static ChipAlignment byId(String id) {
    if (id == null) {
      return DLIB;
    }
    for (ChipAlignment alignment : values()) {
      if (alignment.id().equals(id)) {
        return alignment;
      }
    }
    throw new IllegalArgumentException("unknown alignment " + id + "; use dlib or arcface");
  }
}
