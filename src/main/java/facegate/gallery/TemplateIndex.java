package facegate.gallery;

import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HNSW graph over every template (hnswlib, inner-product distance {@code 1 - cos} on unit
 * vectors). Removal marks a node deleted and zeroes its vector: the node (its template and person
 * ids, no vector) stays in the graph, and in a saved copy, until the graph is rebuilt. Searches may
 * run concurrently with each other; changes need the gallery's write lock.
 */
final class TemplateIndex {
  private static final int MIN_CAPACITY = 1024;

  private final HnswIndex<Long, float[], TemplateItem, Float> graph;
  private int slotsUsed;
  private boolean removals;

  private TemplateIndex(HnswIndex<Long, float[], TemplateItem, Float> graph, int slotsUsed) {
    this.graph = graph;
    this.slotsUsed = slotsUsed;
  }

  /** A new graph holding every template of {@code people}. */
  static TemplateIndex build(
      int dimension, HnswParameters parameters, Collection<StoredPerson> people) {
    List<TemplateItem> items = new ArrayList<>();
    for (StoredPerson person : people) {
      items.addAll(items(person, person.templates()));
    }
    HnswIndex<Long, float[], TemplateItem, Float> graph =
        HnswIndex.newBuilder(dimension, InnerProductDistance.INSTANCE, capacityFor(items.size()))
            .withM(parameters.m())
            .withEfConstruction(parameters.efConstruction())
            .withEf(parameters.ef())
            .withRemoveEnabled()
            .build();
    try {
      graph.addAll(items);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the HNSW graph", e);
    }
    return new TemplateIndex(graph, items.size());
  }

  private static int capacityFor(int items) {
    return Math.max(MIN_CAPACITY, items * 2);
  }

  private static List<TemplateItem> items(StoredPerson person, List<StoredTemplate> templates) {
    List<TemplateItem> items = new ArrayList<>(templates.size());
    for (StoredTemplate template : templates) {
      items.add(new TemplateItem(template.id(), person.id(), template.vector()));
    }
    return items;
  }

  void add(StoredPerson person, List<StoredTemplate> templates) {
    if (slotsUsed + templates.size() > graph.getMaxItemCount()) {
      graph.resize(capacityFor(slotsUsed + templates.size()));
    }
    for (TemplateItem item : items(person, templates)) {
      graph.add(item);
      slotsUsed++;
    }
  }

  /**
   * Marks {@code person}'s templates deleted and overwrites their vectors with zeros, in the
   * graph's item and in {@code person}, so that no later save of the graph holds them. The deleted
   * nodes still route searches (as points equidistant from every probe) until the graph is rebuilt.
   */
  void remove(StoredPerson person) {
    for (StoredTemplate template : person.templates()) {
      graph.get(template.id()).ifPresent(item -> Arrays.fill(item.vector(), 0f));
      graph.remove(template.id(), 0);
      Arrays.fill(template.vector(), 0f);
    }
    removals = true;
  }

  /** The {@code count} nearest templates, nearest first; deleted ones never appear. */
  List<TemplateItem> nearest(float[] probe, int count) {
    List<SearchResult<TemplateItem, Float>> results = graph.findNearest(probe, count);
    List<TemplateItem> items = new ArrayList<>(results.size());
    for (SearchResult<TemplateItem, Float> result : results) {
      items.add(result.item());
    }
    return items;
  }

  /**
   * A person's best cosine with a probe.
   *
   * @param personId the person
   * @param score the cosine of the probe with the person's most similar template found
   */
  record PersonScore(String personId, double score) {}

  /**
   * The {@code k} people nearest {@code probe}, best first, each once, scored by their best
   * template. Fetches at least {@code max(ef, 4k)} templates and doubles that until {@code k}
   * distinct people are found or every template was fetched. Scores are recomputed exactly (in
   * double) from the stored vectors; ties order by person id.
   */
  List<PersonScore> nearestPeople(float[] probe, int k, int ef) {
    int total = graph.size();
    int fetch = (int) Math.min(total, Math.max(ef, 4L * k));
    Map<String, Double> best = new HashMap<>();
    while (fetch > 0) {
      best.clear();
      for (TemplateItem item : nearest(probe, fetch)) {
        best.merge(item.personId(), dot(probe, item.vector()), Math::max);
      }
      if (best.size() >= k || fetch >= total) {
        break;
      }
      fetch = (int) Math.min(total, 2L * fetch);
    }
    return best.entrySet().stream()
        .map(entry -> new PersonScore(entry.getKey(), entry.getValue()))
        .sorted(
            Comparator.comparingDouble(PersonScore::score)
                .reversed()
                .thenComparing(PersonScore::personId))
        .limit(k)
        .toList();
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  /** How many live templates the graph holds. */
  int size() {
    return graph.size();
  }

  /** How many nodes the graph has held since it was built, deleted ones included. */
  int slotsUsed() {
    return slotsUsed;
  }

  /** True once a template was removed since the graph was built or loaded. */
  boolean hasRemovals() {
    return removals;
  }

  /** True when the graph holds exactly {@code people}'s templates, each for the right person. */
  boolean holdsExactly(Collection<StoredPerson> people) {
    long templates = people.stream().mapToLong(person -> person.templates().size()).sum();
    if (graph.size() != templates) {
      return false;
    }
    for (StoredPerson person : people) {
      for (StoredTemplate template : person.templates()) {
        Optional<TemplateItem> item = graph.get(template.id());
        if (item.isEmpty() || !item.get().personId().equals(person.id())) {
          return false;
        }
      }
    }
    return true;
  }

  void save(OutputStream out) throws IOException {
    graph.save(out);
  }

  /**
   * Deserialises a saved graph. Java deserialisation: call this only on bytes whose checksum proved
   * they are a file this gallery wrote.
   *
   * @return empty when the bytes are not a graph built with {@code parameters} and {@code
   *     dimension}
   */
  static Optional<TemplateIndex> load(
      InputStream in, int dimension, HnswParameters parameters, int slotsUsed, boolean removals)
      throws IOException {
    HnswIndex<Long, float[], TemplateItem, Float> graph = HnswIndex.load(in);
    if (graph.getDimensions() != dimension
        || graph.getM() != parameters.m()
        || graph.getEfConstruction() != parameters.efConstruction()
        || !graph.isRemoveEnabled()) {
      return Optional.empty();
    }
    graph.setEf(parameters.ef());
    TemplateIndex index = new TemplateIndex(graph, Math.min(slotsUsed, graph.getMaxItemCount()));
    index.removals = removals;
    return Optional.of(index);
  }
}
