package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Match;
import facegate.core.Person;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Gallery} must do, whatever keeps it: each store's test extends this class and
 * says how to open an empty gallery.
 */
abstract class GalleryContract {
  static final int DIMENSION = 32;
  static final GalleryOptions OPTIONS = GalleryOptions.of("test-model", DIMENSION);

  private final RandomEmbeddings random = new RandomEmbeddings(42, DIMENSION);
  Gallery gallery;

  /** A new, empty gallery with {@link #OPTIONS}. */
  abstract Gallery openEmpty() throws Exception;

  @BeforeEach
  void open() throws Exception {
    gallery = openEmpty();
  }

  @AfterEach
  void close() {
    gallery.close();
  }

  @Test
  void enrollThenFindAndList() {
    Person alice = gallery.enroll("alice", "Alice", random.next(2));
    gallery.enroll("bob", null, random.next(1));

    assertEquals(2, alice.templates());
    assertEquals(alice, gallery.find("alice").orElseThrow());
    assertEquals("", gallery.find("bob").orElseThrow().name());
    assertTrue(gallery.find("carol").isEmpty());
    assertTrue(gallery.find("not valid!").isEmpty());
    assertEquals(2, gallery.size());
    assertEquals(new GalleryInfo("test-model", DIMENSION, 2, 3), gallery.info());
  }

  @Test
  void listIsOrderedByIdAndPaged() {
    for (String id : List.of("delta", "alpha", "charlie", "bravo", "echo")) {
      gallery.enroll(id, id.toUpperCase(), random.next(1));
    }
    Page first = gallery.list(0, 2);
    Page second = gallery.list(2, 2);
    Page beyond = gallery.list(10, 2);

    assertEquals(List.of("alpha", "bravo"), ids(first.people()));
    assertEquals(List.of("charlie", "delta"), ids(second.people()));
    assertTrue(beyond.people().isEmpty());
    assertEquals(5, first.total());
    assertEquals(5, beyond.total());
    assertEquals(0, gallery.list(0, 0).people().size());
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> gallery.list(-1, 2));
  }

  @Test
  void duplicateIdIsRefusedAndKeepsTheFirstEnrollment() {
    gallery.enroll("alice", "Alice", random.next(1));

    assertCode(ErrorCode.PERSON_EXISTS, () -> gallery.enroll("alice", "Other", random.next(1)));
    assertEquals("Alice", gallery.find("alice").orElseThrow().name());
    assertEquals(1, gallery.info().templates());
  }

  @Test
  void invalidInputIsMalformed() {
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> gallery.enroll("alice", "A", List.of()));
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> gallery.enroll("a b", "A", random.next(1)));
    assertCode(
        ErrorCode.MALFORMED_REQUEST,
        () -> gallery.enroll("alice", "A", new RandomEmbeddings(1, 16).next(1)));
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> gallery.search(random.next(), 0));
    assertEquals(0, gallery.size());
  }

  @Test
  void removeDropsThePersonAndUnknownIdsReturnFalse() {
    Embedding aliceFace = random.next();
    gallery.enroll("alice", "Alice", List.of(aliceFace));
    gallery.enroll("bob", "Bob", random.next(1));

    assertTrue(gallery.remove("alice"));
    assertFalse(gallery.remove("alice"));
    assertFalse(gallery.remove("nobody"));
    assertFalse(gallery.remove("not valid!"));
    assertTrue(gallery.find("alice").isEmpty());
    assertEquals(1, gallery.size());
    assertEquals(
        List.of("bob"), gallery.search(aliceFace, 5).stream().map(Match::personId).toList());
  }

  @Test
  void addTemplatesGrowsThePersonAndUnknownIdIsNotFound() {
    gallery.enroll("alice", "Alice", random.next(1));
    Embedding laterFace = random.next();

    Person alice = gallery.addTemplates("alice", List.of(laterFace, random.next()));

    assertEquals(3, alice.templates());
    assertEquals(3, gallery.find("alice").orElseThrow().templates());
    Match top = gallery.search(laterFace, 1).get(0);
    assertEquals("alice", top.personId());
    assertEquals(1.0, top.score(), 1e-5);
    assertCode(ErrorCode.PERSON_NOT_FOUND, () -> gallery.addTemplates("bob", random.next(1)));
  }

  @Test
  void searchReturnsDistinctPeopleBestFirst() {
    Embedding probe = random.next();
    // "close" holds many templates near the probe; they must not crowd out the others
    List<Embedding> crowd =
        List.of(
            random.near(probe, 0.01),
            random.near(probe, 0.01),
            random.near(probe, 0.02),
            random.near(probe, 0.02),
            random.near(probe, 0.03));
    gallery.enroll("close", "Close", crowd);
    gallery.enroll("middle", "Middle", List.of(random.near(probe, 0.1), random.next()));
    gallery.enroll("far", "Far", List.of(random.near(probe, 0.2)));
    for (int i = 0; i < 20; i++) {
      gallery.enroll("other-" + i, "", random.next(2));
    }

    List<Match> matches = gallery.search(probe, 3);

    assertEquals(List.of("close", "middle", "far"), matches.stream().map(Match::personId).toList());
    assertEquals("Middle", matches.get(1).name());
    assertTrue(matches.get(0).score() > matches.get(1).score());
    assertTrue(matches.get(1).score() > matches.get(2).score());
    double expected = crowd.stream().mapToDouble(probe::cosine).max().orElseThrow();
    assertEquals(expected, matches.get(0).score(), 1e-9);
    List<Match> all = gallery.search(probe, 100);
    assertEquals(23, all.size());
    Set<String> distinct = new HashSet<>(all.stream().map(Match::personId).toList());
    assertEquals(23, distinct.size());
  }

  @Test
  void emptyGallerySearchesToNothing() {
    assertTrue(gallery.search(random.next(), 5).isEmpty());
  }

  @Test
  void closedGalleryRefusesCalls() {
    gallery.close();
    gallery.close(); // idempotent
    assertThrows(IllegalStateException.class, () -> gallery.size());
  }

  static List<String> ids(List<Person> people) {
    return people.stream().map(Person::id).toList();
  }

  static void assertCode(ErrorCode code, Runnable action) {
    FaceException error = assertThrows(FaceException.class, action::run);
    assertEquals(code, error.errorCode(), error.getMessage());
  }
}
