package facegate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The experiment's wiring without a network: policies to view components, and which people a fold
 * trains on (never the test fold's people, nor the excluded, extra people only when asked).
 */
class CfpExperimentTest {
  @Test
  void policiesNameTheirComponents() {
    assertEquals(List.of(), CfpExperiment.components("none"));
    assertEquals(List.of("classic"), CfpExperiment.components("classic"));
    assertEquals(List.of("3d", "rr"), CfpExperiment.components("3d+rr"));
    assertEquals(List.of("3d", "gan"), CfpExperiment.components("3d+gan"));
    assertThrows(IllegalArgumentException.class, () -> CfpExperiment.components("stargan"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CfpExperiment.Plan(
                List.of(), List.of("none"), List.of("lfw"), List.of(1L), List.of(0)));
  }

  @Test
  void noTestFoldPersonIsTrainedOn() {
    // CFP people a-f, two faces each; fold 0 pairs name a, b (FP) and c (FF); fold 1 names d, e.
    List<FaceSample> cfp = new ArrayList<>();
    for (String person : List.of("a", "b", "c", "d", "e", "f")) {
      cfp.add(face(person, "/cfp/images/" + person + "/1.jpg"));
      cfp.add(face(person, "/cfp/images/" + person + "/2.jpg"));
    }
    CfpCrossValidation.Pairs fp = pairs(new String[][] {{"a", "b", "0"}, {"d", "d", "1"}});
    CfpCrossValidation.Pairs ff = pairs(new String[][] {{"c", "c", "0"}, {"e", "d", "1"}});
    List<FaceSample> extra = List.of(face("x", "/lfw/x/1.jpg"), face("x", "/lfw/x/2.jpg"));
    CfpInputs inputs =
        new CfpInputs(
            cfp,
            new boolean[cfp.size()],
            new float[2 * cfp.size()][],
            fp,
            ff,
            List.of(),
            new float[0][],
            pairs(new String[0][]),
            Set.of("f"),
            extra,
            new float[4][],
            "key");
    CfpCrossValidation validation = new CfpCrossValidation(Path.of("unused"), inputs, System.err);
    assertEquals(Set.of("d", "e"), people(inputs, validation.trainingImages(0, false)));
    assertEquals(Set.of("d", "e", "x"), people(inputs, validation.trainingImages(0, true)));
    assertEquals(Set.of("a", "b", "c"), people(inputs, validation.trainingImages(1, false)));
    List<Integer> withExtra = validation.trainingImages(1, true);
    assertTrue(withExtra.containsAll(List.of(12, 13)), withExtra.toString());
    assertFalse(people(inputs, withExtra).contains("f"), "excluded person trained on");
  }

  @Test
  void screenThresholdIsAQuantileOfTheNearestOtherPerson() {
    // unit vectors at 0, 10, 30 and 90 degrees: nearest others' cosines cos10, cos10, cos20, cos60
    List<float[]> centroids = new ArrayList<>();
    for (double degrees : new double[] {0, 10, 30, 90}) {
      double r = Math.toRadians(degrees);
      centroids.add(new float[] {(float) Math.cos(r), (float) Math.sin(r)});
    }
    assertEquals(
        Math.cos(Math.toRadians(10)), ExtraPeopleScreen.nullQuantile(centroids, 0.99), 1e-6);
    assertEquals(
        Math.cos(Math.toRadians(20)), ExtraPeopleScreen.nullQuantile(centroids, 0.25), 1e-6);
  }

  private static Set<String> people(CfpInputs inputs, List<Integer> indices) {
    Set<String> people = new HashSet<>();
    indices.forEach(i -> people.add(inputs.pool().get(i).identity()));
    return people;
  }

  /** Pairs {left person, right person, fold} of each person's first image. */
  private static CfpCrossValidation.Pairs pairs(String[][] rows) {
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    boolean[] same = new boolean[rows.length];
    int[] folds = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      left.add("/cfp/images/" + rows[i][0] + "/1.jpg");
      right.add("/cfp/images/" + rows[i][1] + "/2.jpg");
      same[i] = rows[i][0].equals(rows[i][1]);
      folds[i] = Integer.parseInt(rows[i][2]);
    }
    return new CfpCrossValidation.Pairs(left, right, same, folds);
  }

  private static FaceSample face(String identity, String source) {
    return new FaceSample(
        identity, source, new RgbImage(2, 2, new byte[12]), new Landmarks(new double[136]));
  }
}
