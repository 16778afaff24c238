package facegate.cli;

import facegate.core.Embedding;
import facegate.core.FaceException;
import facegate.core.FaceViewSynthesizer;
import facegate.eval.PoseEnrollmentEvaluation;
import facegate.eval.PoseEnrollmentEvaluation.Band;
import facegate.eval.PoseEnrollmentEvaluation.Enrolled;
import facegate.eval.PoseEnrollmentEvaluation.Probe;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.FoundFace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pose-enroll-eval}: does pose-augmented enrollment help identify turned faces? From a pose
 * table ({@code pose}), each person with a turned photo (|yaw| ≥ {@code --min-probe-yaw}) is
 * enrolled from their most frontal photo, once plain and once with synthesized pose views as extra
 * templates ({@code --method 3d}: the re-renderings at six yaws; {@code gan}: the pose GAN's views
 * to the four other pose domains); their turned photos, and one more frontal photo each as a
 * control, are identified against everyone so enrolled. Prints a markdown table per |yaw| band.
 */
@Command(
    name = "pose-enroll-eval",
    description = "Identification of turned probes: plain vs pose-augmented one-shot enrollment.")
final class PoseEnrollEvalCommand implements Callable<Integer> {
  @Option(
      names = "--pose-table",
      defaultValue = "docs/results/pose-table.tsv",
      description = "Pose table written by `pose` (default: ${DEFAULT-VALUE}).")
  Path poseTable;

  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      description = "Folder the table's image paths are relative to (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--min-probe-yaw",
      defaultValue = "25",
      description = "Smallest |yaw| of a turned probe, degrees (default: ${DEFAULT-VALUE}).")
  double minProbeYaw;

  @Mixin ModelOptions models;

  @Mixin PoseSynthesizerOptions synthesizer;

  private record Row(String image, String identity, double yaw) {}

  @Override
  public Integer call() throws IOException {
    Map<String, List<Row>> byPerson = new TreeMap<>();
    List<String> lines = Files.readAllLines(poseTable);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      byPerson
          .computeIfAbsent(f[1], k -> new ArrayList<>())
          .add(new Row(f[0], f[1], Double.parseDouble(f[3])));
    }
    Map<Row, List<Row>> plan = new LinkedHashMap<>();
    for (List<Row> rows : byPerson.values()) {
      List<Row> sorted =
          rows.stream()
              .sorted(
                  Comparator.comparingDouble((Row r) -> Math.abs(r.yaw()))
                      .thenComparing(Row::image))
              .toList();
      List<Row> probes = new ArrayList<>();
      sorted.stream().skip(1).filter(r -> Math.abs(r.yaw()) >= minProbeYaw).forEach(probes::add);
      if (probes.isEmpty()) {
        continue;
      }
      sorted.stream()
          .skip(1)
          .filter(r -> Math.abs(r.yaw()) < 15)
          .findFirst()
          .ifPresent(probes::add);
      plan.put(sorted.get(0), probes);
    }
    int total = plan.size() + plan.values().stream().mapToInt(List::size).sum();
    List<Enrolled> gallery = new ArrayList<>();
    List<Probe> probes = new ArrayList<>();
    int noFace = 0;
    long start = System.nanoTime();
    try (FaceRecognizer recognizer = models.open(1);
        PoseSynthesizerOptions.Opened opened = synthesizer.open()) {
      FaceViewSynthesizer renderer = opened.synthesizer();
      ProgressBar bar = new ProgressBar(System.err, "pose-enroll-eval", total);
      int done = 0;
      for (Map.Entry<Row, List<Row>> person : plan.entrySet()) {
        Optional<FoundFace> enrolled = face(recognizer, person.getKey());
        bar.update(++done);
        if (enrolled.isEmpty()) {
          noFace += 1 + person.getValue().size();
          done += person.getValue().size();
          continue;
        }
        List<Embedding> views = recognizer.embedViews(enrolled.get(), renderer);
        gallery.add(
            new Enrolled(
                person.getKey().identity(), enrolled.get().embedding(), views, viewYaws(views)));
        for (Row probe : person.getValue()) {
          Optional<FoundFace> found = face(recognizer, probe);
          bar.update(++done);
          if (found.isEmpty()) {
            noFace++;
          } else {
            probes.add(new Probe(probe.identity(), probe.yaw(), found.get().embedding()));
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "people=%d probes=%d no-face=%d seconds=%.1f%n",
        gallery.size(),
        probes.size(),
        noFace,
        (System.nanoTime() - start) / 1e9);
    System.out.println("| probes | enrollment | n | rank-1 | mean cosine to own person |");
    System.out.println("|---|---|---|---|---|");
    for (Band band : PoseEnrollmentEvaluation.evaluate(gallery, probes)) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %.4f | %.4f |%n",
          band.band(),
          band.withViews() ? band.rule().label() + " (" + synthesizer.method + ")" : "photo only",
          band.probes(),
          band.rank1(),
          band.meanGenuine());
    }
    return 0;
  }

  /** The yaw each view was made at: the 3d and rr views follow {@code --yaws}; gan's unknown. */
  private List<Double> viewYaws(List<Embedding> views) {
    boolean perYaw = synthesizer.method.equals("3d") || synthesizer.method.equals("rr");
    return perYaw && views.size() == synthesizer.yawsDegrees.size()
        ? synthesizer.yawsDegrees
        : List.of();
  }

  private Optional<FoundFace> face(FaceRecognizer recognizer, Row row) throws IOException {
    try {
      return Optional.of(recognizer.largestFace(Files.readAllBytes(data.resolve(row.image()))));
    } catch (FaceException e) {
      return Optional.empty();
    }
  }
}
