package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.FaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderFaceCropsTest {
  @TempDir Path folder;

  @Test
  void storesReadsReplacesAndRemovesCrops() {
    FolderFaceCrops crops = new FolderFaceCrops(folder.resolve("crops"));
    crops.put("alice", new byte[] {1, 2});
    crops.put("alice", new byte[] {3});
    crops.put("bob@example.org", new byte[] {4});
    assertArrayEquals(new byte[] {3}, crops.png("alice").orElseThrow());
    assertArrayEquals(new byte[] {4}, crops.png("bob@example.org").orElseThrow());
    crops.remove("alice");
    assertTrue(crops.png("alice").isEmpty());
    crops.remove("alice"); // absent: nothing to do
  }

  @Test
  void idsCannotNameOtherPaths() throws IOException {
    FolderFaceCrops crops = new FolderFaceCrops(folder.resolve("crops"));
    crops.put("..", new byte[] {9});
    try (Stream<Path> files = Files.list(folder.resolve("crops"))) {
      assertEquals(1, files.count(), "'..' is stored inside the folder");
    }
    assertThrows(FaceException.class, () -> crops.put("a/b", new byte[] {1}));
  }

  @Test
  void retainOnlyDeletesCropsOfPeopleNoLongerEnrolled() {
    FolderFaceCrops crops = new FolderFaceCrops(folder.resolve("crops"));
    crops.put("alice", new byte[] {1});
    crops.put("bob", new byte[] {2});
    assertEquals(1, crops.retainOnly(List.of("alice", "carol")));
    assertTrue(crops.png("alice").isPresent());
    assertTrue(crops.png("bob").isEmpty());
    assertTrue(FaceCrops.NONE.png("alice").isEmpty());
  }
}
