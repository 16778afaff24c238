package facegate.pose;

import facegate.core.FaceViewSynthesizer;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.vision.FaceAligner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Re-renders a face at other yaws with a generic 3D head (Masi et al.'s idea): the pose of the face
 * is estimated from its landmarks ({@link HeadPoseEstimator}), the generic depth is attached to the
 * landmarks (the 68 vertices sit exactly on the face's own landmarks; the added forehead and ring
 * vertices on the fitted generic head), the textured mesh is rotated to the target yaw (pitch and
 * roll kept) and drawn with a z-buffer under scaled orthographic projection. A triangle the source
 * view sees badly (turned away, or at a grazing angle) takes its texture from its mirror triangle,
 * which is filling by symmetry; pixels no triangle covers keep the source pixel. The result is
 * aligned again like {@link FaceAligner} (chip size of the input, padding 0.25).
 *
 * <p>Thread-safe. Name {@code 3d}; {@link #synthesize} gives one view per configured yaw and uses
 * no randomness.
 */
public final class FaceRenderer3d implements FaceViewSynthesizer {
  /** The default target yaws, degrees. */
  public static final List<Double> DEFAULT_YAWS = List.of(-60.0, -40.0, -20.0, 20.0, 40.0, 60.0);

  private final HeadPoseEstimator estimator;
  private final FaceMesh mesh;
  private final MeshRasterizer rasterizer;
  private final FaceMesh profileMesh;
  private final MeshRasterizer profileRasterizer;
  private final List<Double> yawsDegrees;

  public FaceRenderer3d(HeadPoseEstimator estimator, List<Double> yawsDegrees) {
    this.estimator = Objects.requireNonNull(estimator, "estimator");
    this.mesh = FaceMesh.around(estimator.face());
    this.rasterizer = new MeshRasterizer(mesh);
    this.profileMesh = ProfileDepth.mesh(estimator.face());
    this.profileRasterizer = new MeshRasterizer(profileMesh);
    this.yawsDegrees = List.copyOf(yawsDegrees);
  }

  /** The shipped generic face, rendering at {@link #DEFAULT_YAWS}. */
  public static FaceRenderer3d shipped() {
    return new FaceRenderer3d(HeadPoseEstimator.shipped(), DEFAULT_YAWS);
  }

  @Override
  public String name() {
    return "3d";
  }

  @Override
  public List<RgbImage> synthesize(RgbImage chip, Landmarks landmarks, Random random) {
    List<RgbImage> views = new ArrayList<>();
    for (double yaw : yawsDegrees) {
      views.add(render(chip, landmarks, yaw).alignedChip());
    }
    return views;
  }

  /** Renders only the one view, at one of its yaws chosen with {@code random}. */
  @Override
  public java.util.Optional<RgbImage> oneView(RgbImage chip, Landmarks landmarks, Random random) {
    double yaw = yawsDegrees.get(random.nextInt(yawsDegrees.size()));
    return java.util.Optional.of(render(chip, landmarks, yaw).alignedChip());
  }

  /**
   * A rendered view: the image in the source's frame, its landmarks, the re-aligned chip, and where
   * the landmarks lie in that chip.
   */
  public record View(
      RgbImage image, Landmarks landmarks, RgbImage alignedChip, Landmarks chipLandmarks) {}

  /** Renders the face of {@code image} (landmarks in its pixels) at {@code targetYawDegrees}. */
  public View render(RgbImage image, Landmarks landmarks, double targetYawDegrees) {
    HeadPose pose = estimator.estimate(landmarks);
    double[][] source =
        FaceRotation.matrix(pose.yawDegrees(), pose.pitchDegrees(), pose.rollDegrees());
    double[][] target =
        FaceRotation.matrix(targetYawDegrees, pose.pitchDegrees(), pose.rollDegrees());
    boolean profile = ProfileFraming.applies(targetYawDegrees);
    MeshRasterizer drawer = profile ? profileRasterizer : rasterizer;
    MeshPlacement placement = place(profile ? profileMesh : mesh, landmarks, source);
    double[][] dest = placement.project(target);
    RgbImage rendered =
        drawer.draw(
            image,
            placement.sourcePixels(),
            dest,
            source,
            PlaneSimilarity.IDENTITY,
            image.width(),
            image.height());
    double[] xy = new double[Landmarks.COUNT * 2];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      xy[2 * i] = dest[i][0];
      xy[2 * i + 1] = dest[i][1];
    }
    Landmarks moved = new Landmarks(xy);
    FaceAligner aligner = new FaceAligner(image.width(), 0.25);
    Landmarks onChip = aligner.chipLandmarks(moved);
    double[][] from = new double[Landmarks.COUNT][];
    double[][] to = new double[Landmarks.COUNT][];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      from[i] = new double[] {moved.x(i), moved.y(i)};
      to[i] = new double[] {onChip.x(i), onChip.y(i)};
    }
    // Drawn straight into the re-aligned chip's frame: one resampling, and the backdrop fills the
    // whole chip (re-aligning the drawn image would leave black corners). Turned far, the chip is
    // framed as the pipeline frames real profiles.
    PlaneSimilarity toChip =
        ProfileFraming.similarity(
            moved, targetYawDegrees, PlaneSimilarity.fit(from, to), aligner.chipSize());
    RgbImage chip =
        drawer.draw(
            image,
            placement.sourcePixels(),
            dest,
            source,
            toChip,
            aligner.chipSize(),
            aligner.chipSize());
    double[] chipXy = new double[Landmarks.COUNT * 2];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      double[] p = toChip.apply(from[i]);
      chipXy[2 * i] = p[0];
      chipXy[2 * i + 1] = p[1];
    }
    return new View(rendered, moved, chip, new Landmarks(chipXy));
  }

  HeadPoseEstimator estimator() {
    return estimator;
  }

  MeshRasterizer rasterizer() {
    return rasterizer;
  }

  /**
   * The mesh placed on a face seen with rotation {@code source}: the 68 vertices on the face's own
   * landmarks with the generic depth, the added vertices on the fitted generic head.
   */
  MeshPlacement place(Landmarks landmarks, double[][] source) {
    return place(mesh, landmarks, source);
  }

  private static MeshPlacement place(FaceMesh mesh, Landmarks landmarks, double[][] source) {
    int n = mesh.vertexCount();
    double[][] camera = new double[n][];
    for (int i = 0; i < n; i++) {
      camera[i] = MeshPlacement.apply(source, mesh.x[i], mesh.y[i], mesh.z[i]);
    }
    double[] fit = fitScaleShift(camera, landmarks);
    double scale = fit[0];
    double[][] sourcePixels = new double[n][2];
    double[][] model = new double[n][];
    for (int i = 0; i < n; i++) {
      boolean landmark = i < Landmarks.COUNT;
      sourcePixels[i][0] = landmark ? landmarks.x(i) : scale * camera[i][0] + fit[1];
      sourcePixels[i][1] = landmark ? landmarks.y(i) : scale * camera[i][1] + fit[2];
      // The person's own point: the landmark's position with the generic depth, in model axes.
      double[] own = {
        (sourcePixels[i][0] - fit[1]) / scale, (sourcePixels[i][1] - fit[2]) / scale, camera[i][2]
      };
      model[i] = MeshPlacement.applyTransposed(source, own);
    }
    return new MeshPlacement(sourcePixels, model, scale, fit[1], fit[2]);
  }

  /** Least-squares scale s and shift (tx, ty) with s * camera.xy + t = landmarks (68 points). */
  private static double[] fitScaleShift(double[][] camera, Landmarks landmarks) {
    double qx = 0, qy = 0, ux = 0, uy = 0;
    int n = Landmarks.COUNT;
    for (int i = 0; i < n; i++) {
      qx += camera[i][0] / n;
      qy += camera[i][1] / n;
      ux += landmarks.x(i) / n;
      uy += landmarks.y(i) / n;
    }
    double dot = 0, norm = 0;
    for (int i = 0; i < n; i++) {
      double px = camera[i][0] - qx, py = camera[i][1] - qy;
      dot += px * (landmarks.x(i) - ux) + py * (landmarks.y(i) - uy);
      norm += px * px + py * py;
    }
    double s = dot / norm;
    return new double[] {s, ux - s * qx, uy - s * qy};
  }
}
