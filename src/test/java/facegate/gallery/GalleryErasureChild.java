package facegate.gallery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process {@link GalleryErasureCrashIT} kills: opens the gallery in {@code args[0]} and removes
 * {@code p-<args[1]>}, {@code p-<args[1]+1>}, ... up to {@code p-<args[2]-1>}, writing {@code ACK
 * <id>} to stdout, in one write, after each remove returns; then waits to be killed.
 */
public final class GalleryErasureChild {
  static final int DIMENSION = 128;
  static final GalleryOptions OPTIONS = GalleryOptions.of("erasure-model", DIMENSION);

  private GalleryErasureChild() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path directory = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    int end = Integer.parseInt(args[2]);
    OutputStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      for (int i = first; i < end; i++) {
        String id = "p-" + i;
        if (!gallery.remove(id)) {
          throw new IllegalStateException(id + " was not enrolled");
        }
        out.write(("ACK " + id + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      Thread.sleep(60_000);
    }
  }
}
