package facegate.cli;

import facegate.core.Landmarks;
import facegate.pose.FaceRecord;
import facegate.pose.GenericFace3d;
import facegate.pose.LandmarkTable;
import facegate.pose.MeanShapeFactorization;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pose-shape}: derives the generic 3D face that pose estimation and 3D re-rendering use, by
 * rank-3 factorisation of cached landmarks (see {@link MeanShapeFactorization}).
 */
@Command(
    name = "pose-shape",
    description = "Derive the generic 3D face (68 points) from cached landmarks by factorisation.")
final class PoseShapeCommand implements Callable<Integer> {
  @Option(
      names = "--landmarks",
      defaultValue = "data/pose/landmarks.tsv",
      description = "Landmark cache written by `pose` (default: ${DEFAULT-VALUE}).")
  Path landmarks;

  @Option(
      names = "--out",
      defaultValue = "src/main/resources/facegate/pose/generic-face-68.tsv",
      description = "Shape file written (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    List<FaceRecord> records =
        LandmarkTable.read(landmarks).values().stream().filter(FaceRecord::hasFace).toList();
    List<Landmarks> faces = records.stream().map(FaceRecord::landmarks).toList();
    long start = System.nanoTime();
    GenericFace3d shape = MeanShapeFactorization.derive(faces);
    double seconds = (System.nanoTime() - start) / 1e9;
    long celeba = records.stream().filter(r -> r.dataset().equals("celeba-299")).count();
    shape.write(
        out,
        List.of(
            "facegate generic 3D face: 68 iBUG landmarks, millimetres; x right, y down, z away"
                + " from the camera",
            "derived by facegate pose-shape (rank-3 Tomasi-Kanade factorisation, mirrored views,"
                + " metric upgrade, symmetrised, eye-centre distance "
                + MeanShapeFactorization.EYE_DISTANCE_MM
                + " mm)",
            "from the landmarks of "
                + faces.size()
                + " faces ("
                + celeba
                + " CelebA, "
                + (faces.size() - celeba)
                + " LFW) located by landmark68-faceapi; "
                + Instant.now(),
            "columns: index x y z"));
    System.out.printf("faces=%d seconds=%.1f wrote %s%n", faces.size(), seconds, out);
    return 0;
  }
}
