package facegate.gallery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process {@link GalleryCrashIT} kills: opens the gallery in {@code args[0]} and enrolls {@code
 * person-<args[1]>}, {@code person-<args[1]+1>}, ... until killed, writing {@code ACK <id>} to
 * stdout, in one write, after each enroll returns. A small compaction threshold makes kills land
 * during compaction as well.
 */
public final class GalleryCrashChild {
  static final int DIMENSION = 64;
  static final GalleryOptions OPTIONS =
      GalleryOptions.of("crash-model", DIMENSION).withCompactionThresholdBytes(2_000);

  private GalleryCrashChild() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    OutputStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
    RandomEmbeddings random = new RandomEmbeddings(first, DIMENSION);
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      for (int i = first; i < first + 1_000_000; i++) {
        String id = "person-" + i;
        gallery.enroll(id, "Person " + i, random.next(1 + i % 2));
        out.write(("ACK " + id + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    }
  }
}
