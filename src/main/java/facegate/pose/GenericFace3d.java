package facegate.pose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generic 3D face: the 68 landmarks as 3D points in millimetres, in a head frame with x towards
 * the image's right, y down and z away from the camera for a face looking straight at it (the
 * OpenCV camera convention), origin at the mean of the points. The nose tip (30) has the smallest
 * z.
 *
 * <p>The shipped shape ({@code generic-face-68.tsv}) was derived here from landmarks, not copied:
 * see {@link MeanShapeFactorization} and the README's Pose section.
 */
public record GenericFace3d(double[] x, double[] y, double[] z) {
  public static final int COUNT = 68;
  static final String RESOURCE = "/facegate/pose/generic-face-68.tsv";

  public GenericFace3d {
    if (x.length != COUNT || y.length != COUNT || z.length != COUNT) {
      throw new IllegalArgumentException("a generic face has 68 points");
    }
    x = x.clone();
    y = y.clone();
    z = z.clone();
  }

  /** The shape shipped in the jar. */
  public static GenericFace3d shipped() {
    try (InputStream in = GenericFace3d.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses lines {@code index x y z}; lines starting with {@code #} are comments. */
  static GenericFace3d parse(List<String> lines) {
    double[][] points = TextFiles.indexedPoints(lines, COUNT);
    double[] x = new double[COUNT];
    double[] y = new double[COUNT];
    double[] z = new double[COUNT];
    for (int i = 0; i < COUNT; i++) {
      x[i] = points[i][0];
      y[i] = points[i][1];
      z[i] = points[i][2];
    }
    return new GenericFace3d(x, y, z);
  }

  /** Writes the shape in the format {@link #parse} reads, with {@code header} as comment lines. */
  public void write(Path file, List<String> header) {
    List<String> lines = new ArrayList<>();
    for (String h : header) {
      lines.add("# " + h);
    }
    for (int i = 0; i < COUNT; i++) {
      lines.add(String.format(Locale.ROOT, "%d\t%.3f\t%.3f\t%.3f", i, x[i], y[i], z[i]));
    }
    TextFiles.writeLines(file, lines);
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public double[] z() {
    return z.clone();
  }
}
