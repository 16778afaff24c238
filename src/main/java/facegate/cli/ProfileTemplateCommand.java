package facegate.cli;

import facegate.core.ProfilePoints;
import facegate.eval.CfpFiducials;
import facegate.eval.PoseGroupAccuracy;
import facegate.vision.ProfileTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code profile-template}: learns the profile template ({@link ProfileTemplate#learn}) from CFP's
 * hand-marked fiducials of the photos labelled profile, and writes it in the format of the shipped
 * resource {@code src/main/resources/facegate/vision/profile-template.tsv}.
 */
@Command(
    name = "profile-template",
    description = "Learn the profile alignment template from CFP's fiducials of profile photos.")
final class ProfileTemplateCommand implements Callable<Integer> {
  @Option(names = "--fiducials", required = true, description = "CFP fiducials folder.")
  Path fiducials;

  @Option(
      names = "--poses",
      required = true,
      description = "Pose labels 'image<TAB>frontal|profile' (CFP's poses.tsv).")
  Path poseLabels;

  @Option(names = "--out", required = true, description = "Template file to write.")
  Path out;

  @Override
  public Integer call() {
    Map<String, String> labels = new TreeMap<>(PoseGroupAccuracy.readLabels(poseLabels));
    List<ProfilePoints> faces = new ArrayList<>();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (e.getValue().equals("profile")) {
        Path file = CfpFiducials.fileOf(fiducials, Path.of(e.getKey()));
        faces.add(CfpFiducials.read(file).profilePoints(true));
      }
    }
    ProfileTemplate template = ProfileTemplate.learn(faces);
    List<String> lines = new ArrayList<>();
    lines.add("# profile template: unit positions of a face facing right (ProfileTemplate)");
    lines.add("# learned from " + faces.size() + " CFP profile fiducial files by profile-template");
    lines.addAll(template.toLines());
    try {
      Files.write(out, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    lines.forEach(System.out::println);
    return 0;
  }
}
