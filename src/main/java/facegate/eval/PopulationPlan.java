package facegate.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Who is enrolled and which photos are sent in an end-to-end population check: from a
 * folder-per-person tree, each selected person is enrolled from their first photo (name order);
 * their next photos (up to {@code genuinePerPerson}) are genuine verify attempts, and {@code
 * impostorsPerPerson} photos drawn (seeded) from the other selected people claim their id.
 *
 * @param people the selected people, in name order
 * @param attempts every verify attempt, genuine ones first
 */
public record PopulationPlan(List<Enrolled> people, List<Attempt> attempts) {
  /** A selected person and the photo they are enrolled from. */
  public record Enrolled(String id, Path enrollPhoto) {}

  /** One verify request: {@code photo} claiming to be {@code claimedId}. */
  public record Attempt(String claimedId, Path photo, boolean genuine) {}

  public PopulationPlan {
    people = List.copyOf(people);
    attempts = List.copyOf(attempts);
  }

  /**
   * The plan for {@code root}.
   *
   * @param photoGlob which photo file names count (e.g. {@code *.jpg}, or only frontals)
   * @param minPhotos people with fewer matching photos are left out (at least 1)
   * @param maxPeople at most this many people, drawn with {@code seed} when there are more
   */
  public static PopulationPlan of(
      Path root,
      String photoGlob,
      int minPhotos,
      int maxPeople,
      int genuinePerPerson,
      int impostorsPerPerson,
      long seed) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + photoGlob);
    List<List<Path>> selected = new ArrayList<>();
    for (Path person : children(root)) {
      if (Files.isDirectory(person)) {
        List<Path> photos =
            children(person).stream().filter(p -> matcher.matches(p.getFileName())).toList();
        if (photos.size() >= Math.max(1, minPhotos)) {
          selected.add(photos);
        }
      }
    }
    Random random = new Random(seed);
    if (selected.size() > maxPeople) {
      Collections.shuffle(selected, random);
      selected = new ArrayList<>(selected.subList(0, maxPeople));
      selected.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    }
    List<Enrolled> people = new ArrayList<>();
    List<Attempt> attempts = new ArrayList<>();
    for (List<Path> photos : selected) {
      String id = photos.get(0).getParent().getFileName().toString();
      people.add(new Enrolled(id, photos.get(0)));
      for (Path probe : photos.subList(1, Math.min(photos.size(), 1 + genuinePerPerson))) {
        attempts.add(new Attempt(id, probe, true));
      }
    }
    for (int target = 0; target < selected.size() && selected.size() > 1; target++) {
      for (int n = 0; n < impostorsPerPerson; n++) {
        int other = random.nextInt(selected.size() - 1);
        other = other >= target ? other + 1 : other;
        List<Path> photos = selected.get(other);
        attempts.add(
            new Attempt(people.get(target).id(), photos.get(random.nextInt(photos.size())), false));
      }
    }
    return new PopulationPlan(people, attempts);
  }

  private static List<Path> children(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
