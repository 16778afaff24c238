package facegate.pose;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_imgproc.Subdiv2D;
import org.bytedeco.opencv.opencv_imgproc.Vec6fVector;

/**
 * A coarse generic head mesh for re-rendering: the 68 points of a {@link GenericFace3d}, two
 * forehead rows above the brows (curving back like a cylinder), an outer ring around the head set
 * {@value #RING_DEPTH_MM} mm behind the face's centre, which carries the hair and the edge of the
 * background (its {@link #outline}), and behind it the rest of the head: a second, smaller ring
 * {@value #BACK_RING_DEPTH_MM} mm back and a back point, so that a turned head keeps a head-shaped
 * silhouette instead of showing what was behind it. The front part is the Delaunay triangulation of
 * the frontal view (x, y); the back of the head is a strip and a fan added explicitly. The source
 * photo never sees the back of the head, so its vertices take their texture from the outline vertex
 * in front of them ({@link #texture}): the hair or background at the head's edge. The added points
 * and depths are this class's choice (a rough average head, documented in docs/pose.md); only the
 * 68 come from data. Every vertex has a mirror vertex, for symmetric filling.
 */
public final class FaceMesh {
  static final double RING_DEPTH_MM = 70;
  static final double BACK_RING_DEPTH_MM = 150;
  static final double BACK_DEPTH_MM = 200;
  static final int RING_POINTS = 16;

  final double[] x;
  final double[] y;
  final double[] z;
  final int[] mirror;
  final int[][] triangles;

  /** The outer ring's vertices in angular order: where the backdrop meets the head. */
  final int[] outline;

  /** For each vertex, the vertex whose source pixel textures it (itself for the visible ones). */
  final int[] texture;

  private FaceMesh(
      double[] x,
      double[] y,
      double[] z,
      int[] mirror,
      int[][] triangles,
      int[] outline,
      int[] texture) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.mirror = mirror;
    this.triangles = triangles;
    this.outline = outline;
    this.texture = texture;
  }

  public int vertexCount() {
    return x.length;
  }

  public int triangleCount() {
    return triangles.length;
  }

  /** The mesh around {@code face}, its rings at the default depths. */
  public static FaceMesh around(GenericFace3d face) {
    return around(face, RING_DEPTH_MM, BACK_RING_DEPTH_MM, BACK_DEPTH_MM);
  }

  /**
   * The mesh around {@code face} with the outer ring, the back ring and the back point at these
   * depths (z, millimetres of the generic face).
   */
  static FaceMesh around(
      GenericFace3d face, double ringDepth, double backRingDepth, double backDepth) {
    List<double[]> points = new ArrayList<>();
    List<Integer> mirrors = new ArrayList<>();
    double[] fx = face.x();
    double[] fy = face.y();
    double[] fz = face.z();
    for (int i = 0; i < GenericFace3d.COUNT; i++) {
      points.add(new double[] {fx[i], fy[i], fz[i]});
      mirrors.add(LandmarkSymmetry.mirrorOf(i));
    }
    double browY = Math.min(fy[19], fy[24]);
    double browZ = (fz[19] + fz[24]) / 2;
    double halfWidth = Math.abs(fx[16] - fx[0]) / 2;
    // Forehead: two rows above the brows, curving back with x like a cylinder of the face's width.
    for (double rise : new double[] {0.25, 0.5}) {
      for (double fraction : new double[] {-0.8, -0.4, 0, 0.4, 0.8}) {
        double px = fraction * halfWidth;
        double back = halfWidth - Math.sqrt(halfWidth * halfWidth - px * px);
        points.add(new double[] {px, browY - rise * halfWidth, browZ + back + rise * 10});
        mirrors.add(-1);
      }
    }
    int base = GenericFace3d.COUNT;
    for (int row = 0; row < 2; row++) {
      for (int k = 0; k < 5; k++) {
        mirrors.set(base + row * 5 + k, base + row * 5 + (4 - k));
      }
    }
    // Outer ring: an ellipse around the head, behind it.
    double centreY = (fy[8] + browY - 0.5 * halfWidth) / 2;
    double radiusY = (fy[8] - (browY - 0.5 * halfWidth)) / 2 * 1.45;
    double radiusX = halfWidth * 1.45;
    int ringBase = points.size();
    for (int k = 0; k < RING_POINTS; k++) {
      double angle = 2 * Math.PI * k / RING_POINTS;
      points.add(
          new double[] {radiusX * Math.sin(angle), centreY - radiusY * Math.cos(angle), ringDepth});
      mirrors.add(ringBase + (RING_POINTS - k) % RING_POINTS);
    }
    int front = points.size();
    // The back of the head: a smaller ring further back, then one point at the back.
    for (int k = 0; k < RING_POINTS; k++) {
      double angle = 2 * Math.PI * k / RING_POINTS;
      points.add(
          new double[] {
            0.8 * radiusX * Math.sin(angle),
            centreY - 0.8 * radiusY * Math.cos(angle),
            backRingDepth
          });
      mirrors.add(front + (RING_POINTS - k) % RING_POINTS);
    }
    points.add(new double[] {0, centreY, backDepth});
    mirrors.add(points.size() - 1);
    int n = points.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    int[] mirror = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = points.get(i)[0];
      y[i] = points.get(i)[1];
      z[i] = points.get(i)[2];
      mirror[i] = mirrors.get(i);
    }
    int[] outline = new int[RING_POINTS];
    int[] texture = new int[n];
    List<int[]> triangles = new ArrayList<>(List.of(triangulate(x, y, front)));
    for (int k = 0; k < RING_POINTS; k++) {
      int next = (k + 1) % RING_POINTS;
      outline[k] = ringBase + k;
      triangles.add(new int[] {ringBase + k, ringBase + next, front + next});
      triangles.add(new int[] {ringBase + k, front + next, front + k});
      triangles.add(new int[] {front + k, front + next, n - 1});
    }
    for (int i = 0; i < n; i++) {
      texture[i] = i < front ? i : i < n - 1 ? ringBase + (i - front) : ringBase;
    }
    return new FaceMesh(x, y, z, mirror, triangles.toArray(new int[0][]), outline, texture);
  }

  /** Delaunay triangles of the first {@code count} points (x, y), as vertex index triples. */
  private static int[][] triangulate(double[] allX, double[] allY, int count) {
    double[] x = java.util.Arrays.copyOf(allX, count);
    double[] y = java.util.Arrays.copyOf(allY, count);
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < x.length; i++) {
      minX = Math.min(minX, x[i]);
      minY = Math.min(minY, y[i]);
      maxX = Math.max(maxX, x[i]);
      maxY = Math.max(maxY, y[i]);
    }
    // Subdiv2D works in integer-bounded float coordinates: shift into a positive rectangle.
    double offsetX = -minX + 10;
    double offsetY = -minY + 10;
    List<int[]> triangles = new ArrayList<>();
    try (Rect bounds = new Rect(0, 0, (int) (maxX - minX) + 21, (int) (maxY - minY) + 21);
        Subdiv2D subdivision = new Subdiv2D(bounds);
        Vec6fVector list = new Vec6fVector()) {
      for (int i = 0; i < x.length; i++) {
        try (Point2f p = new Point2f((float) (x[i] + offsetX), (float) (y[i] + offsetY))) {
          subdivision.insert(p);
        }
      }
      subdivision.getTriangleList(list);
      for (long t = 0; t < list.size(); t++) {
        float[] v = new float[6];
        for (int k = 0; k < 6; k++) {
          v[k] = list.get(t).get(k);
        }
        int a = nearest(x, y, v[0] - offsetX, v[1] - offsetY);
        int b = nearest(x, y, v[2] - offsetX, v[3] - offsetY);
        int c = nearest(x, y, v[4] - offsetX, v[5] - offsetY);
        if (a >= 0 && b >= 0 && c >= 0 && a != b && b != c && a != c) {
          triangles.add(new int[] {a, b, c});
        }
      }
    }
    return triangles.toArray(new int[0][]);
  }

  /** The vertex at (px, py), or -1 for a point of Subdiv2D's outer bounding triangle. */
  private static int nearest(double[] x, double[] y, double px, double py) {
    int best = -1;
    double bestDistance = 0.01;
    for (int i = 0; i < x.length; i++) {
      double d = Math.hypot(x[i] - px, y[i] - py);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }
}
