package facegate.pose;

import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_ITERATIVE;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnP;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import facegate.core.Landmarks;
import java.util.Objects;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Estimates head pose from 68 landmarks by fitting a {@link GenericFace3d} with OpenCV's {@code
 * solvePnP} (iterative Levenberg-Marquardt). The camera is unknown: a pinhole with its principal
 * point at the landmarks' centre and a focal length of {@value #FOCAL_PER_FACE_WIDTH} face widths,
 * i.e. a portrait camera about a metre away, close to orthographic. Thread-safe (no shared state).
 */
public final class HeadPoseEstimator {
  static final double FOCAL_PER_FACE_WIDTH = 8;

  private final GenericFace3d face;

  public HeadPoseEstimator(GenericFace3d face) {
    this.face = Objects.requireNonNull(face, "face");
  }

  /** An estimator with the shipped generic face. */
  public static HeadPoseEstimator shipped() {
    return new HeadPoseEstimator(GenericFace3d.shipped());
  }

  public GenericFace3d face() {
    return face;
  }

  /** The pose of the face with these landmarks (any image coordinates); degenerate input fails. */
  public HeadPose estimate(Landmarks landmarks) {
    double[] fx = face.x();
    double[] fy = face.y();
    double[] fz = face.z();
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, cx = 0, cy = 0;
    for (int i = 0; i < Landmarks.COUNT; i++) {
      minX = Math.min(minX, landmarks.x(i));
      maxX = Math.max(maxX, landmarks.x(i));
      cx += landmarks.x(i) / Landmarks.COUNT;
      cy += landmarks.y(i) / Landmarks.COUNT;
    }
    double focal = FOCAL_PER_FACE_WIDTH * Math.max(1, maxX - minX);
    try (Mat object = new Mat(Landmarks.COUNT, 3, CV_64F);
        Mat image = new Mat(Landmarks.COUNT, 2, CV_64F);
        Mat camera = new Mat(3, 3, CV_64F);
        Mat distortion = new Mat(4, 1, CV_64F);
        Mat rvec = new Mat(3, 1, CV_64F);
        Mat tvec = new Mat(3, 1, CV_64F);
        Mat rotation = new Mat();
        DoubleIndexer o = object.createIndexer();
        DoubleIndexer p = image.createIndexer();
        DoubleIndexer k = camera.createIndexer();
        DoubleIndexer d = distortion.createIndexer();
        DoubleIndexer r = rvec.createIndexer();
        DoubleIndexer t = tvec.createIndexer()) {
      for (int i = 0; i < Landmarks.COUNT; i++) {
        o.put(i, 0, fx[i]);
        o.put(i, 1, fy[i]);
        o.put(i, 2, fz[i]);
        p.put(i, 0, landmarks.x(i));
        p.put(i, 1, landmarks.y(i));
      }
      for (int i = 0; i < 9; i++) {
        k.put(i / 3, i % 3, 0);
      }
      k.put(0, 0, focal);
      k.put(1, 1, focal);
      k.put(0, 2, cx);
      k.put(1, 2, cy);
      k.put(2, 2, 1);
      for (int i = 0; i < 4; i++) {
        d.put(i, 0, 0);
      }
      // Start in front of the camera, at the distance where the generic face has this width.
      double width = max(fx) - min(fx);
      r.put(0, 0, 0);
      r.put(1, 0, 0);
      r.put(2, 0, 0);
      t.put(0, 0, 0);
      t.put(1, 0, 0);
      t.put(2, 0, focal * width / Math.max(1, maxX - minX));
      if (!solvePnP(object, image, camera, distortion, rvec, tvec, true, SOLVEPNP_ITERATIVE)) {
        throw new IllegalStateException("solvePnP found no pose");
      }
      Rodrigues(rvec, rotation);
      double[][] m = new double[3][3];
      try (DoubleIndexer rm = rotation.createIndexer()) {
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            m[i][j] = rm.get(i, j);
          }
        }
      }
      double[] translation = {t.get(0, 0), t.get(1, 0), t.get(2, 0)};
      double error = reprojection(m, translation, focal, cx, cy, fx, fy, fz, landmarks);
      return angles(m, error);
    }
  }

  /**
   * Yaw, pitch and roll of the rotation {@code m} (model to camera), as {@link HeadPose} defines
   * them: the Tait-Bryan decomposition {@code m = roll(c) * pitch(b) * yaw(a)} of {@link
   * FaceRotation#matrix}.
   */
  static HeadPose angles(double[][] m, double reprojectionPixels) {
    double yaw = Math.toDegrees(Math.atan2(m[2][0], m[2][2]));
    double pitch = Math.toDegrees(Math.atan2(-m[2][1], Math.hypot(m[2][0], m[2][2])));
    double roll = Math.toDegrees(Math.atan2(-m[0][1], m[1][1]));
    return new HeadPose(yaw, pitch, roll, reprojectionPixels);
  }

  private static double reprojection(
      double[][] m,
      double[] t,
      double focal,
      double cx,
      double cy,
      double[] fx,
      double[] fy,
      double[] fz,
      Landmarks landmarks) {
    double sum = 0;
    for (int i = 0; i < Landmarks.COUNT; i++) {
      double x = m[0][0] * fx[i] + m[0][1] * fy[i] + m[0][2] * fz[i] + t[0];
      double y = m[1][0] * fx[i] + m[1][1] * fy[i] + m[1][2] * fz[i] + t[1];
      double z = m[2][0] * fx[i] + m[2][1] * fy[i] + m[2][2] * fz[i] + t[2];
      double u = focal * x / z + cx - landmarks.x(i);
      double v = focal * y / z + cy - landmarks.y(i);
      sum += u * u + v * v;
    }
    return Math.sqrt(sum / Landmarks.COUNT);
  }

  private static double max(double[] v) {
    double m = -Double.MAX_VALUE;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double min(double[] v) {
    double m = Double.MAX_VALUE;
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }
}
