package facegate.gallery;

import facegate.core.Embedding;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fixed score-normalisation cohort: unit-length templates of people, each tagged with the data
 * set it came from (e.g. {@code lfw}, {@code celeba}), and no images. Shipped beside a model as
 * {@code cohort.bin} for galleries too small to be their own cohort ({@link CohortNormalizer}).
 * Searched exhaustively (a few thousand dot products). Immutable and thread-safe.
 */
public final class TemplateCohort {
  private static final String MAGIC = "facegate-cohort-1";

  private final float[][] vectors;
  private final String[] sources;

  /**
   * @param templates unit-length embeddings of one dimension
   * @param sources the data set of each template, same length
   */
  public TemplateCohort(List<Embedding> templates, List<String> sources) {
    if (templates.size() != sources.size()) {
      throw new IllegalArgumentException("one source per template is needed");
    }
    vectors = new float[templates.size()][];
    this.sources = new String[templates.size()];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = templates.get(i).values();
      if (vectors[i].length != vectors[0].length) {
        throw new IllegalArgumentException("cohort templates differ in dimension");
      }
      this.sources[i] = sources.get(i);
    }
  }

  /** The cohort without the templates from {@code excluded} data sets (to avoid leakage). */
  public TemplateCohort without(Set<String> excluded) {
    List<Embedding> kept = new ArrayList<>();
    List<String> keptSources = new ArrayList<>();
    for (int i = 0; i < vectors.length; i++) {
      if (!excluded.contains(sources[i])) {
        kept.add(new Embedding(vectors[i]));
        keptSources.add(sources[i]);
      }
    }
    return new TemplateCohort(kept, keptSources);
  }

  public int size() {
    return vectors.length;
  }

  /** How many templates each data set holds, by name. */
  public Map<String, Integer> sourceCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String source : sources) {
      counts.merge(source, 1, Integer::sum);
    }
    return counts;
  }

  /**
   * The {@code k} highest cosines of {@code probe} with the cohort, highest first (fewer when the
   * cohort is smaller); empty for an empty cohort.
   */
  public double[] topScores(Embedding probe, int k) {
    float[] query = probe.values();
    int n = Math.min(k, vectors.length);
    double[] top = new double[n]; // ascending; top[0] is the smallest kept
    Arrays.fill(top, Double.NEGATIVE_INFINITY);
    for (float[] vector : vectors) {
      if (vector.length != query.length) {
        throw new IllegalArgumentException("probe dimension differs from the cohort's");
      }
      double dot = 0;
      for (int d = 0; d < query.length; d++) {
        dot += (double) query[d] * vector[d];
      }
      if (n > 0 && dot > top[0]) {
        int i = 0;
        while (i + 1 < n && top[i + 1] < dot) {
          top[i] = top[i + 1];
          i++;
        }
        top[i] = dot;
      }
    }
    double[] descending = new double[n];
    for (int i = 0; i < n; i++) {
      descending[i] = top[n - 1 - i];
    }
    return descending;
  }

  /** Writes the cohort to {@code file} (replacing it). */
  public void write(Path file) {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeUTF(MAGIC);
      out.writeInt(vectors.length);
      out.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
      for (int i = 0; i < vectors.length; i++) {
        out.writeUTF(sources[i]);
        for (float v : vectors[i]) {
          out.writeFloat(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write cohort " + file, e);
    }
  }

  /**
   * Reads a cohort {@link #write} wrote.
   *
   * @throws IllegalArgumentException when the file is not a cohort file
   * @throws UncheckedIOException when it cannot be read
   */
  public static TemplateCohort read(Path file) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IllegalArgumentException(file + " is not a facegate cohort file");
      }
      int count = in.readInt();
      int dimension = in.readInt();
      if (count < 0 || dimension < 0 || (long) count * dimension > 100_000_000L) {
        throw new IllegalArgumentException(file + " has an implausible size");
      }
      List<Embedding> templates = new ArrayList<>(count);
      List<String> sources = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        sources.add(in.readUTF());
        float[] vector = new float[dimension];
        for (int d = 0; d < dimension; d++) {
          vector[d] = in.readFloat();
        }
        templates.add(new Embedding(vector));
      }
      return new TemplateCohort(templates, sources);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cohort " + file, e);
    }
  }
}
