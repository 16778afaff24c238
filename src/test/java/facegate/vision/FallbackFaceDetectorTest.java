package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.FaceBox;
import facegate.core.FaceDetector;
import facegate.core.RgbImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackFaceDetectorTest {
  private static final RgbImage IMAGE = new RgbImage(2, 2, new byte[12]);
  private static final FaceBox FIRST = new FaceBox(0, 0, 1, 1, 1, FaceBox.View.FRONTAL);
  private static final FaceBox SECOND = new FaceBox(1, 1, 1, 1, 1, FaceBox.View.ANY);

  @Test
  void secondDetectorRunsOnlyWhenTheFirstFindsNothing() {
    AtomicInteger secondCalls = new AtomicInteger();
    FaceDetector second =
        image -> {
          secondCalls.incrementAndGet();
          return List.of(SECOND);
        };
    assertEquals(
        List.of(FIRST), new FallbackFaceDetector(image -> List.of(FIRST), second).detect(IMAGE));
    assertEquals(0, secondCalls.get());
    assertEquals(
        List.of(SECOND), new FallbackFaceDetector(image -> List.of(), second).detect(IMAGE));
    assertEquals(1, secondCalls.get());
  }

  @Test
  void largestFaceComesFromTheSecondDetectorOnlyWhenTheFirstFindsNone() {
    FaceBox smaller = new FaceBox(0, 0, 0.5, 0.5, 1, FaceBox.View.FRONTAL);
    FaceDetector first = image -> List.of(FIRST, smaller);
    FaceDetector none = image -> List.of();
    FaceDetector second = image -> List.of(SECOND);
    assertEquals(List.of(FIRST), new FallbackFaceDetector(first, second).detectLargest(IMAGE));
    assertEquals(List.of(SECOND), new FallbackFaceDetector(none, second).detectLargest(IMAGE));
    assertEquals(List.of(), new FallbackFaceDetector(none, none).detectLargest(IMAGE));
  }
}
