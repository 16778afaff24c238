package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsProtocolTest {
  @TempDir Path dir;

  @Test
  void readsFoldsAndHalves() throws Exception {
    Path file = dir.resolve("pairs.txt");
    Files.writeString(file, "2\t1\nA\t1\t2\nA\t1\tB\t3\nC 2 4\nC 1 D 1\n");
    PairsProtocol protocol = PairsProtocol.read(file);
    assertEquals(2, protocol.folds());
    assertEquals(4, protocol.pairs().size());
    PairsProtocol.Pair first = protocol.pairs().get(0);
    assertTrue(first.same());
    assertEquals(0, first.fold());
    assertEquals(Path.of("img/A/A_0002.jpg"), first.right(Path.of("img")));
    PairsProtocol.Pair last = protocol.pairs().get(3);
    assertFalse(last.same());
    assertEquals(1, last.fold());
    assertEquals("D", last.rightName());
    // A1 A2 B3 C2 C4 C1 D1
    assertEquals(7, protocol.images(Path.of("img")).size());
  }

  @Test
  void refusesAWrongPairCount() throws Exception {
    Path file = dir.resolve("pairs.txt");
    Files.writeString(file, "1\t2\nA\t1\t2\nA\t1\tB\t3\n");
    FaceException e = assertThrows(FaceException.class, () -> PairsProtocol.read(file));
    assertEquals(ErrorCode.PAIRS_FILE_INVALID, e.errorCode());
  }

  @Test
  void refusesADifferentPairInTheSameHalf() throws Exception {
    Path file = dir.resolve("pairs.txt");
    Files.writeString(file, "1\t1\nA\t1\tB\t2\nA\t1\tB\t3\n");
    FaceException e = assertThrows(FaceException.class, () -> PairsProtocol.read(file));
    assertTrue(e.getMessage().contains(":2:"), e.getMessage());
  }

  @Test
  void readsTheFixturePairs() {
    PairsProtocol protocol =
        PairsProtocol.read(Path.of("src/test/resources/fixtures/pairs-fixtures.txt"));
    assertEquals(24, protocol.pairs().size());
    for (Path image : protocol.images(Path.of("src/test/resources/fixtures/lfw"))) {
      assertTrue(Files.isRegularFile(image), image.toString());
    }
  }
}
