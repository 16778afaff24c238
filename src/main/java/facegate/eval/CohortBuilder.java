package facegate.eval;

import facegate.core.Embedding;
import facegate.gallery.TemplateCohort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Builds a default score-normalisation cohort ({@link TemplateCohort}) from folder-per-person image
 * trees: one template per person (their first image, in name order, in which a face is found), each
 * tagged with its data set. Only templates are kept, never images.
 */
public final class CohortBuilder {
  private final Map<Path, String> sources = new LinkedHashMap<>();
  private final List<Path> images = new ArrayList<>();

  /**
   * Adds the first image of up to {@code maxPeople} people of {@code peopleDir} (folders in name
   * order), skipping the people named in {@code excludedPeople}.
   *
   * @param source the data set's tag, e.g. {@code lfw}
   * @return how many people were added
   */
  public int addPeople(Path peopleDir, String source, int maxPeople, Set<String> excludedPeople) {
    int added = 0;
    for (Path person : sortedChildren(peopleDir)) {
      if (added >= maxPeople) {
        break;
      }
      if (!Files.isDirectory(person) || excludedPeople.contains(name(person))) {
        continue;
      }
      List<Path> photos = sortedChildren(person);
      if (!photos.isEmpty()) {
        images.add(photos.get(0));
        sources.put(photos.get(0), source);
        added++;
      }
    }
    return added;
  }

  /** Adds single images, e.g. one per identity of a flat folder. */
  public void addImages(List<Path> files, String source) {
    for (Path file : files) {
      images.add(file);
      sources.put(file, source);
    }
  }

  /**
   * Embeds every added image ({@code threads} at a time); images without a face are left out.
   *
   * @param progress told the number of images done
   */
  public TemplateCohort build(
      Function<Path, Optional<Embedding>> embedder, int threads, IntConsumer progress) {
    Map<Path, Optional<Embedding>> embedded =
        ParallelEmbedding.embedAll(images, embedder, threads, progress);
    List<Embedding> templates = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (Path image : images) {
      Optional<Embedding> embedding = embedded.get(image);
      if (embedding.isPresent()) {
        templates.add(embedding.get());
        tags.add(sources.get(image));
      }
    }
    return new TemplateCohort(templates, tags);
  }

  /** How many images were added. */
  public int imageCount() {
    return images.size();
  }

  /** Every person named in a pairs file (LFW format). */
  public static Set<String> peopleIn(Path pairsFile) {
    Set<String> names = new java.util.HashSet<>();
    for (PairsProtocol.Pair pair : PairsProtocol.read(pairsFile).pairs()) {
      names.add(pair.leftName());
      names.add(pair.rightName());
    }
    return names;
  }

  private static String name(Path path) {
    return path.getFileName().toString();
  }

  private static List<Path> sortedChildren(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
