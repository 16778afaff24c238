package facegate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceBox;
import facegate.core.FaceException;
import facegate.core.Landmarks;
import facegate.core.Liveness;
import facegate.core.RgbImage;
import facegate.embed.FaceEmbedder;
import facegate.embed.LandmarkLocator;
import facegate.gallery.FaceCrops;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import facegate.vision.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request with liveness decodes and detects its photo once: the liveness check and the verify or
 * identify after it share the face found (real recognizer and gallery; fake networks).
 */
class LivenessCheckTest {
  private static final FaceBox FACE = new FaceBox(16, 16, 32, 32, 0.9, FaceBox.View.FRONTAL, null);

  /** Landmarks on a grid spread over the crop (enough for the aligner's transform). */
  private static final class GridLocator implements LandmarkLocator {
    @Override
    public int inputSize() {
      return 112;
    }

    @Override
    public List<Landmarks> locate(List<RgbImage> crops) {
      double[] xy = new double[2 * Landmarks.COUNT];
      for (int point = 0; point < Landmarks.COUNT; point++) {
        xy[2 * point] = 20 + (point % 10) * 8;
        xy[2 * point + 1] = 20 + (point / 10) * 10;
      }
      return crops.stream().map(crop -> new Landmarks(xy)).toList();
    }

    @Override
    public void close() {}
  }

  private static final class ConstantEmbedder implements FaceEmbedder {
    @Override
    public int inputSize() {
      return 32;
    }

    @Override
    public int dimension() {
      return 4;
    }

    @Override
    public List<Embedding> embed(List<RgbImage> chips) {
      return chips.stream().map(chip -> Embedding.normalize(new float[] {1, 0, 0, 0})).toList();
    }

    @Override
    public void close() {}
  }

  private final AtomicInteger detections = new AtomicInteger();
  private final List<FaceBox> assessed = new ArrayList<>();
  @TempDir Path folder;
  private Gallery gallery;
  private FaceRecognizer recognizer;
  private LivenessCheck check;
  private FaceService service;

  @BeforeEach
  void open() {
    gallery = HnswGallery.open(folder, GalleryOptions.of("fake", 4));
    recognizer =
        new FaceRecognizer(
            new ImageDecoder(),
            image -> {
              detections.incrementAndGet();
              return image.width() > 32 ? List.of(FACE) : List.of();
            },
            new GridLocator(),
            new ConstantEmbedder(),
            List.of());
    check =
        new LivenessCheck(
            recognizer,
            (image, face) -> {
              assessed.add(face);
              return new Liveness(0.9, face);
            },
            0.5);
    service =
        new FaceService(recognizer, gallery, 0.5, 0.5, FaceCrops.NONE, OptionalDouble.empty());
  }

  @AfterEach
  void close() {
    gallery.close();
  }

  @Test
  void livenessThenIdentifyDetectsOnce() throws IOException {
    ProbePhoto probe = ProbePhoto.of(png(64));
    assertTrue(check.check(probe).live());
    Identification identification = service.identify(probe, 1);
    assertEquals(1, detections.get(), "the identify must reuse the liveness check's face");
    assertEquals(List.of(FACE), assessed);
    assertTrue(identification.candidates().isEmpty());
  }

  @Test
  void livenessThenVerifyDetectsTheProbeOnce() throws IOException {
    service.enroll("alice", "", png(64));
    detections.set(0);
    ProbePhoto probe = ProbePhoto.of(png(64));
    check.check(probe);
    assertTrue(service.verify(probe, "alice").match());
    assertSame(probe.detected(bytes -> null), recognizer.detectLargest(probe));
    assertEquals(1, detections.get());
  }

  @Test
  void separateBytesAreDetectedAgain() throws IOException {
    byte[] photo = png(64);
    check.check(photo);
    service.identify(photo, 1);
    assertEquals(2, detections.get());
  }

  @Test
  void noFaceFailsTheCheckAndIsNotKept() throws IOException {
    ProbePhoto probe = ProbePhoto.of(png(24));
    FaceException first = assertThrows(FaceException.class, () -> check.check(probe));
    assertEquals(ErrorCode.NO_FACE, first.errorCode());
    assertThrows(FaceException.class, () -> service.identify(probe, 1));
    assertEquals(2, detections.get());
  }

  private static byte[] png(int side) throws IOException {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | 128);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
