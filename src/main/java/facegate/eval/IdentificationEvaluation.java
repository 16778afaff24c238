package facegate.eval;

import facegate.core.Embedding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * One-shot open-set identification over a folder-per-person tree: each person with two or more
 * images is enrolled from the first (by file name) and probed with the others; people with a single
 * image are distractors, probed but never enrolled. Candidates are ranked by exact cosine search,
 * so the result measures the face pipeline, not the index.
 */
public final class IdentificationEvaluation {
  private IdentificationEvaluation() {}

  /** The people and probes of a folder-per-person tree; {@code maxPeople} 0 means all. */
  public record Protocol(List<List<Path>> mated, List<Path> distractors) {
    public int imageCount() {
      return mated.stream().mapToInt(List::size).sum() + distractors.size();
    }
  }

  /** Lists {@code images/<Name>/*.jpg|png}, people in name order, images in file-name order. */
  public static Protocol protocol(Path images) {
    List<List<Path>> mated = new ArrayList<>();
    List<Path> distractors = new ArrayList<>();
    try (Stream<Path> people = Files.list(images)) {
      for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(person)) {
          files = listing.filter(IdentificationEvaluation::isImage).sorted().toList();
        }
        if (files.size() >= 2) {
          mated.add(files);
        } else if (files.size() == 1) {
          distractors.add(files.get(0));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + images, e);
    }
    return new Protocol(mated, distractors);
  }

  /** Embeds every image (in parallel) and scores the protocol at {@code threshold}. */
  public static IdentificationReport run(
      Protocol protocol,
      Function<Path, Optional<Embedding>> embedder,
      double threshold,
      int threads,
      IntConsumer progress) {
    List<Path> all = new ArrayList<>();
    protocol.mated().forEach(all::addAll);
    all.addAll(protocol.distractors());
    var embeddings = ParallelEmbedding.embedAll(all, embedder, threads, progress);
    List<float[]> gallery = new ArrayList<>();
    List<Integer> galleryPerson = new ArrayList<>();
    int enrollFailures = 0;
    for (int person = 0; person < protocol.mated().size(); person++) {
      Optional<Embedding> enrolled = embeddings.get(protocol.mated().get(person).get(0));
      if (enrolled.isPresent()) {
        gallery.add(enrolled.get().values());
        galleryPerson.add(person);
      } else {
        enrollFailures++;
      }
    }
    Scorer scorer = new Scorer(gallery, galleryPerson);
    List<double[]> mates = new ArrayList<>(); // {rank of right person or -1, top score}
    for (int person = 0; person < protocol.mated().size(); person++) {
      List<Path> files = protocol.mated().get(person);
      for (Path probe : files.subList(1, files.size())) {
        mates.add(scorer.mate(embeddings.get(probe), person));
      }
    }
    double[] distractorTop =
        protocol.distractors().stream()
            .mapToDouble(p -> scorer.topScore(embeddings.get(p)))
            .toArray();
    int probeFailures =
        (int) all.stream().filter(p -> embeddings.get(p).isEmpty()).count() - enrollFailures;
    return OpenSetRates.report(
        gallery.size(), enrollFailures, mates, distractorTop, threshold, probeFailures);
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return Files.isRegularFile(file)
        && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
  }

  /** Exact cosine search over the enrolled templates. */
  private record Scorer(List<float[]> gallery, List<Integer> galleryPerson) {
    double[] mate(Optional<Embedding> probe, int person) {
      if (probe.isEmpty() || gallery.isEmpty()) {
        return new double[] {-1, Double.NEGATIVE_INFINITY};
      }
      double[] scores = scores(probe.get());
      double own = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < scores.length; i++) {
        if (galleryPerson.get(i) == person) {
          own = scores[i];
        }
      }
      if (own == Double.NEGATIVE_INFINITY) {
        return new double[] {-1, Arrays.stream(scores).max().orElseThrow()};
      }
      int better = 0;
      double top = Double.NEGATIVE_INFINITY;
      for (double score : scores) {
        top = Math.max(top, score);
        if (score > own) {
          better++;
        }
      }
      return new double[] {better, top};
    }

    double topScore(Optional<Embedding> probe) {
      if (probe.isEmpty() || gallery.isEmpty()) {
        return Double.NEGATIVE_INFINITY;
      }
      return Arrays.stream(scores(probe.get())).max().orElseThrow();
    }

    private double[] scores(Embedding probe) {
      float[] p = probe.values();
      double[] scores = new double[gallery.size()];
      for (int i = 0; i < scores.length; i++) {
        float[] g = gallery.get(i);
        double dot = 0;
        for (int d = 0; d < p.length; d++) {
          dot += p[d] * g[d];
        }
        scores[i] = dot;
      }
      return scores;
    }
  }
}
