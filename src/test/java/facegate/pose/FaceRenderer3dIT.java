package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.AlignedFace;
import facegate.core.FaceBox;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.ShippedPipeline;
import facegate.vision.FaceAligner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 3D re-rendering on real fixture faces, checked with the real landmark network. */
class FaceRenderer3dIT {
  private static FaceRecognizer recognizer;
  private static final FaceRenderer3d RENDERER = FaceRenderer3d.shipped();
  private static final HeadPoseEstimator ESTIMATOR = HeadPoseEstimator.shipped();

  @BeforeAll
  static void open() {
    recognizer = ShippedPipeline.open(1);
  }

  @AfterAll
  static void close() {
    recognizer.close();
  }

  private static AlignedFace face(String file) throws Exception {
    Path path = Path.of("src/test/resources/fixtures/lfw").resolve(file);
    List<AlignedFace> faces =
        recognizer.alignFaces(recognizer.decode(Files.readAllBytes(path)), false);
    assertEquals(1, faces.size(), "one face in " + file);
    return faces.get(0);
  }

  private static final List<String> FILES =
      List.of("Mick_Jagger/Mick_Jagger_0001.jpg", "Angela_Bassett/Angela_Bassett_0001.jpg");

  private static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
    long sum = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      sum += Math.abs((a.rgb()[i] & 0xff) - (b.rgb()[i] & 0xff));
    }
    return (double) sum / a.rgb().length;
  }

  private static double yawOf(RgbImage image) {
    FaceBox whole =
        new FaceBox(20, 20, image.width() - 40, image.height() - 40, 1, FaceBox.View.ANY);
    return ESTIMATOR.estimate(recognizer.locateLandmarks(image, whole)).yawDegrees();
  }

  @Test
  void renderingAtTheFacesOwnYawReproducesTheChip() throws Exception {
    for (String file : FILES) {
      AlignedFace face = face(file);
      Landmarks onChip = FaceAligner.dlibChip().chipLandmarks(face.landmarks());
      double yaw = ESTIMATOR.estimate(onChip).yawDegrees();
      FaceRenderer3d.View view = RENDERER.render(face.chip(), onChip, yaw);
      double difference = meanAbsoluteDifference(face.chip(), view.image());
      assertTrue(difference < 3, "mean absolute difference " + difference);
      double aligned = meanAbsoluteDifference(face.chip(), view.alignedChip());
      assertTrue(aligned < 8, "re-aligned chip differs by " + aligned);
    }
  }

  @Test
  void renderedYawMovesTheWayItWasAsked() throws Exception {
    for (String file : FILES) {
      AlignedFace face = face(file);
      Landmarks onChip = FaceAligner.dlibChip().chipLandmarks(face.landmarks());
      double before = yawOf(face.chip());
      double source = ESTIMATOR.estimate(onChip).yawDegrees();
      double right = yawOf(RENDERER.render(face.chip(), onChip, source + 30).image());
      double left = yawOf(RENDERER.render(face.chip(), onChip, source - 30).image());
      assertTrue(right > before + 10, "asked +30: yaw " + before + " -> " + right);
      assertTrue(left < before - 10, "asked -30: yaw " + before + " -> " + left);
    }
  }

  @Test
  void synthesizesOneAlignedChipPerYaw() throws Exception {
    for (String file : FILES) {
      AlignedFace face = face(file);
      Landmarks onChip = FaceAligner.dlibChip().chipLandmarks(face.landmarks());
      List<RgbImage> views = RENDERER.synthesize(face.chip(), onChip, new Random(1));
      assertEquals(FaceRenderer3d.DEFAULT_YAWS.size(), views.size());
      for (RgbImage view : views) {
        assertEquals(150, view.width());
        assertEquals(150, view.height());
        assertTrue(meanAbsoluteDifference(face.chip(), view) > 1, "a new view differs");
      }
    }
  }
}
