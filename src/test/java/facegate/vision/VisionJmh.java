package facegate.vision;

import facegate.core.FaceBox;
import facegate.core.RgbImage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the per-photo image work of a request before the networks, on an LFW fixture (250x250), one
 * thread: decoding, the cascade's full search and its largest-face search, the landmark crop (112
 * px) and the embedding chip's resampling (150 px), the mirror image.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class VisionJmh {
  private byte[] jpeg;
  private RgbImage image;
  private RgbImage chip;
  private ImageDecoder decoder;
  private CascadeFaceDetector detector;

  @Setup(Level.Trial)
  public void setUp() {
    jpeg = Fixtures.bytes(Fixtures.lfwImages().get(0));
    decoder = new ImageDecoder();
    image = decoder.decode(jpeg);
    chip = FaceAligner.cropSquare(image, 124.5, 124.5, 110, 150);
    detector = new CascadeFaceDetector();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    detector.close();
  }

  @Benchmark
  public RgbImage decodeJpeg() {
    return decoder.decode(jpeg);
  }

  @Benchmark
  public List<FaceBox> cascadeAllFaces() {
    return detector.detect(image);
  }

  @Benchmark
  public List<FaceBox> cascadeLargestFace() {
    return detector.detectLargest(image);
  }

  @Benchmark
  public RgbImage landmarkCrop112() {
    return FaceAligner.cropSquare(image, 124.5, 124.5, 150, 112);
  }

  @Benchmark
  public RgbImage embeddingChip150() {
    return FaceAligner.cropSquare(image, 124.5, 124.5, 110, 150);
  }

  @Benchmark
  public RgbImage mirrorChip() {
    return Mirror.horizontal(chip);
  }
}
