package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.ProfilePoints;
import facegate.core.ProfilePoints.Part;
import facegate.core.ProfilePoints.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfpFiducialsTest {
  /** Point i at (10 + i, 100 + 3i), or x mirrored to 200 - (10 + i) when looking left. */
  static List<String> numbered(boolean facingRight) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double x = facingRight ? 10 + i : 200 - (10 + i);
      lines.add(x + "," + (100 + 3 * i));
    }
    return lines;
  }

  @Test
  void readsThePointsAndNamesTheProfileParts(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("cfp001_0011.txt"), numbered(true));
    CfpFiducials f = CfpFiducials.read(file);
    assertEquals(31, f.x(21));
    assertTrue(f.facingRight(), "nose tip 21 right of point 0");
    // bounding box 29 x 87
    assertEquals(Math.sqrt(29.0 * 87.0), f.faceSize(), 1e-12);
    ProfilePoints p = f.profilePoints(true);
    assertEquals(new Point(10 + 14.5, 100 + 3 * 14.5), p.get(Part.EYE), "mean of 12-17");
    assertEquals(new Point(31, 163), p.get(Part.NOSE_TIP));
    assertEquals(new Point(28, 154), p.get(Part.NASION));
    assertEquals(new Point(32, 166), p.get(Part.SUBNASALE));
    assertEquals(new Point(35, 175), p.get(Part.MOUTH_CORNER));
    assertEquals(new Point(10 + 27.5, 100 + 3 * 27.5), p.get(Part.MOUTH_CENTRE));
    assertEquals(new Point(18, 124), p.get(Part.CHIN));
    assertEquals(new Point(10, 100), p.get(Part.EAR));
    assertNull(f.profilePoints(false).get(Part.EAR));
  }

  @Test
  void aProfileLookingLeftIsSeenAsSuch(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("a.txt"), numbered(false));
    assertFalse(CfpFiducials.read(file).facingRight());
    assertFalse(CfpFiducials.read(file).profilePoints(true).facingRight());
  }

  @Test
  void aMalformedFileFailsNamingTheLine(@TempDir Path dir) throws IOException {
    List<String> lines = numbered(true);
    lines.set(4, "12;40");
    Path bad = Files.write(dir.resolve("bad.txt"), lines);
    FaceException e = assertThrows(FaceException.class, () -> CfpFiducials.read(bad));
    assertEquals(ErrorCode.PAIRS_FILE_INVALID, e.errorCode());
    assertTrue(e.getMessage().contains("bad.txt:5"), e.getMessage());
    Path short1 = Files.write(dir.resolve("short.txt"), lines.subList(0, 29));
    assertThrows(FaceException.class, () -> CfpFiducials.read(short1));
    assertThrows(FaceException.class, () -> CfpFiducials.read(dir.resolve("missing.txt")));
  }

  @Test
  void theFileOfAnImageMirrorsItsPath() {
    assertEquals(
        Path.of("fid/cfp007/cfp007_0012.txt"),
        CfpFiducials.fileOf(Path.of("fid"), Path.of("images/cfp007/cfp007_0012.jpg")));
  }
}
