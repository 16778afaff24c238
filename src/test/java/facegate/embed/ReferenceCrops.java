package facegate.embed;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * One-off program that makes the parity crops from the LFW fixtures, deterministically: for the
 * first image of each fixture person, the centre 150x150 of the 250x250 image (offset 50,50, no
 * resize) as {@code <stem>_150.png}, and that region resized to 112x112 with INTER_AREA as {@code
 * <stem>_112.png}. Run from the project root; writes src/test/resources/reference/crops/.
 */
public final class ReferenceCrops {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/lfw");
  static final Path CROPS = Path.of("src/test/resources/reference/crops");

  private ReferenceCrops() {}

  public static void main(String[] args) throws IOException {
    Files.createDirectories(CROPS);
    for (Path image : firstImagePerPerson()) {
      String stem = image.getFileName().toString().replace(".jpg", "");
      try (Mat full = imread(image.toString());
          Rect centre = new Rect(50, 50, 150, 150);
          Mat region = new Mat(full, centre);
          Mat small = new Mat();
          Size size = new Size(112, 112)) {
        if (full.cols() != 250 || full.rows() != 250) {
          throw new IllegalStateException(image + " is not 250x250");
        }
        resize(region, small, size, 0, 0, INTER_AREA);
        write(CROPS.resolve(stem + "_150.png"), region);
        write(CROPS.resolve(stem + "_112.png"), small);
      }
      System.out.println("cropped " + image);
    }
  }

  /** The {@code _0001} image of each fixture person, sorted by name. */
  static List<Path> firstImagePerPerson() throws IOException {
    List<Path> images = new ArrayList<>();
    try (Stream<Path> people = Files.list(FIXTURES)) {
      for (Path person : people.sorted().toList()) {
        images.add(person.resolve(person.getFileName() + "_0001.jpg"));
      }
    }
    return images;
  }

  private static void write(Path file, Mat image) {
    if (!imwrite(file.toString(), image)) {
      throw new IllegalStateException("cannot write " + file);
    }
  }
}
