package facegate.pose;

import facegate.core.RgbImage;
import java.util.List;

/** Lays images out in a grid: one row per list, cells of the first image's size, gaps white. */
public final class ContactSheet {
  private static final int GAP = 2;

  private ContactSheet() {}

  /**
   * @param rows at least one non-empty row; every image is drawn in a cell the size of the first
   *     (larger ones are cropped, smaller ones padded white)
   */
  public static RgbImage of(List<List<RgbImage>> rows) {
    if (rows.isEmpty() || rows.get(0).isEmpty()) {
      throw new IllegalArgumentException("a contact sheet needs at least one image");
    }
    int cellW = rows.get(0).get(0).width();
    int cellH = rows.get(0).get(0).height();
    int columns = rows.stream().mapToInt(List::size).max().orElse(1);
    int width = columns * (cellW + GAP) + GAP;
    int height = rows.size() * (cellH + GAP) + GAP;
    byte[] rgb = new byte[width * height * 3];
    java.util.Arrays.fill(rgb, (byte) 255);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        RgbImage image = rows.get(r).get(c);
        int left = GAP + c * (cellW + GAP);
        int top = GAP + r * (cellH + GAP);
        for (int y = 0; y < Math.min(cellH, image.height()); y++) {
          System.arraycopy(
              image.rgb(),
              y * image.width() * 3,
              rgb,
              ((top + y) * width + left) * 3,
              Math.min(cellW, image.width()) * 3);
        }
      }
    }
    return new RgbImage(width, height, rgb);
  }
}
