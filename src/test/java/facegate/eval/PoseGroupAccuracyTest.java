package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceBox;
import facegate.core.FaceException;
import facegate.pose.HeadPose;
import facegate.pose.PoseBucket;
import facegate.pose.PoseEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoseGroupAccuracyTest {
  private static final Path IMAGES = Path.of("data/lfw/images");

  private static PoseEntry entry(String name, int number, double yaw) {
    return new PoseEntry(
        "lfw/images/" + name + "/" + String.format("%s_%04d.jpg", name, number),
        name,
        FaceBox.View.FRONTAL,
        new HeadPose(yaw, 0, 0, 1));
  }

  @Test
  void groupsAreOrderedByHowTurnedTheFacesAre() {
    assertEquals(
        "frontal-profile", PoseGroupAccuracy.group(PoseBucket.PROFILE_LEFT, PoseBucket.FRONTAL));
    assertEquals(
        "frontal-half", PoseGroupAccuracy.group(PoseBucket.FRONTAL, PoseBucket.HALF_RIGHT));
    assertEquals("half-half", PoseGroupAccuracy.group(PoseBucket.HALF_LEFT, PoseBucket.HALF_RIGHT));
    assertEquals("unknown", PoseGroupAccuracy.group(null, PoseBucket.HALF_RIGHT));
  }

  @Test
  void aLabelFileGroupsPairsAsThePoseTableDoes(@TempDir Path dir) throws IOException {
    PairsProtocol protocol = protocol();
    PairsEvaluation.Result result = evaluate(protocol);
    Path labels = dir.resolve("poses.tsv");
    List<String> lines = new ArrayList<>();
    for (int fold = 0; fold < 2; fold++) {
      lines.add("A" + fold + "/A" + fold + "_0001.jpg\tfrontal");
      lines.add("A" + fold + "/A" + fold + "_0002.jpg\tprofile");
      lines.add("B" + fold + "/B" + fold + "_0001.jpg\thalf");
      lines.add("");
      lines.add("B" + fold + "/B" + fold + "_0002.jpg\thalf");
    }
    Files.write(labels, lines);
    assertEquals(
        PoseGroupAccuracy.of(protocol, IMAGES, result, poses()),
        PoseGroupAccuracy.ofLabels(protocol, IMAGES, result, labels));
    Map<String, int[]> found = PoseGroupAccuracy.facesFound(protocol, IMAGES, result, labels);
    assertArrayEquals(new int[] {2, 0}, found.get("frontal"));
    assertArrayEquals(new int[] {4, 1}, found.get("half"), "B0_0002 has no face");
    assertArrayEquals(new int[] {2, 0}, found.get("unknown"));
  }

  @Test
  void aBadLabelLineFailsNamingTheLine(@TempDir Path dir) throws IOException {
    Path labels = Files.write(dir.resolve("poses.tsv"), List.of("a/a_0001.jpg\tfrontal", "b"));
    FaceException e = assertThrows(FaceException.class, () -> PoseGroupAccuracy.readLabels(labels));
    assertEquals(ErrorCode.PAIRS_FILE_INVALID, e.errorCode());
    assertTrue(e.getMessage().contains("poses.tsv:2"), e.getMessage());
  }

  private static PairsProtocol protocol() {
    // two folds, each: two same-person pairs, two different-person pairs
    List<PairsProtocol.Pair> pairs = new ArrayList<>();
    for (int fold = 0; fold < 2; fold++) {
      pairs.add(new PairsProtocol.Pair(fold, true, "A" + fold, 1, "A" + fold, 2));
      pairs.add(new PairsProtocol.Pair(fold, true, "B" + fold, 1, "B" + fold, 2));
      pairs.add(new PairsProtocol.Pair(fold, false, "A" + fold, 1, "B" + fold, 1));
      pairs.add(new PairsProtocol.Pair(fold, false, "A" + fold, 2, "C" + fold, 1));
    }
    return new PairsProtocol(2, pairs);
  }

  /** A_1 frontal, A_2 profile, B_* half, C_1 not in the table. */
  private static List<PoseEntry> poses() {
    List<PoseEntry> poses = new ArrayList<>();
    for (int fold = 0; fold < 2; fold++) {
      poses.add(entry("A" + fold, 1, 3));
      poses.add(entry("A" + fold, 2, -60));
      poses.add(entry("B" + fold, 1, 20));
      poses.add(entry("B" + fold, 2, -30));
    }
    return poses;
  }

  private static PairsEvaluation.Result evaluate(PairsProtocol protocol) {
    Map<Path, Optional<Embedding>> faces =
        protocol.images(IMAGES).stream()
            .collect(Collectors.toMap(Function.identity(), p -> face(p.getFileName().toString())));
    return PairsEvaluation.run(protocol, IMAGES, faces::get, 1, done -> {});
  }

  @Test
  void eachPairCountsInTheGroupOfItsTwoFacesAtItsFoldThreshold() {
    // B0's pair has no face (a miss)
    PairsProtocol protocol = protocol();
    PairsEvaluation.Result result = evaluate(protocol);
    List<PoseEntry> poses = poses();
    Map<String, PoseGroupAccuracy.Group> groups =
        PoseGroupAccuracy.of(protocol, IMAGES, result, poses).stream()
            .collect(Collectors.toMap(PoseGroupAccuracy.Group::name, Function.identity()));
    assertEquals(PoseGroupAccuracy.GROUPS.size(), groups.size());
    PoseGroupAccuracy.Group frontalProfile = groups.get("frontal-profile");
    assertEquals(2, frontalProfile.same());
    assertEquals(0, frontalProfile.different());
    assertEquals(1.0, frontalProfile.accuracy());
    assertEquals(0.9, frontalProfile.genuineMean(), 1e-6);
    PoseGroupAccuracy.Group halfHalf = groups.get("half-half");
    assertEquals(2, halfHalf.same());
    assertEquals(0.5, halfHalf.accuracy(), "B0's pair had no face: a miss");
    assertEquals(1, halfHalf.failures(), "and it is counted as a detection failure");
    assertEquals(0, frontalProfile.failures());
    assertEquals(2, groups.get("frontal-half").different());
    assertEquals(1.0, groups.get("frontal-half").accuracy());
    assertEquals(2, groups.get("unknown").different());
    assertTrue(Double.isNaN(groups.get("profile-profile").accuracy()));
  }

  /**
   * A's two faces score 0.9, B's 1.0 (one vector), A_1 with B_1 0.1, A_2 with C_1 about -0.34;
   * B0_0002 has no face.
   */
  private static Optional<Embedding> face(String file) {
    if (file.startsWith("B0_0002")) {
      return Optional.empty();
    }
    double angle = Math.acos(0.9);
    float[] v = new float[3];
    switch (file.charAt(0)) {
      case 'A' -> {
        v[0] = 1;
        if (file.contains("_0002")) {
          v[0] = (float) Math.cos(angle);
          v[1] = (float) Math.sin(angle);
        }
      }
      case 'B' -> {
        v[0] = 0.1f;
        v[2] = (float) Math.sqrt(1 - 0.01);
      }
      default -> {
        v[0] = 0.1f;
        v[1] = (float) -Math.sqrt(1 - 0.01);
      }
    }
    return Optional.of(Embedding.normalize(v));
  }
}
