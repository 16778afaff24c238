import facegate.eval.EmbeddingCache;
import facegate.eval.PairsProtocol;
import facegate.core.Embedding;
import java.io.*;
import java.nio.file.*;
import java.util.*;

public class FpAccept {
  public static void main(String[] a) throws Exception {
    Path cacheFile = Path.of(a[0]);
    String fp;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cacheFile)))) { in.readInt(); fp = in.readUTF(); }
    EmbeddingCache cache = EmbeddingCache.open(cacheFile, fp);
    Path images = Path.of(a[2]);
    double t = Double.parseDouble(a[3]);
    for (String pairsFile : a[1].split(",")) {
      PairsProtocol protocol = PairsProtocol.read(Path.of(pairsFile));
      var f = cache.around(p -> { throw new IllegalStateException("not cached " + p); });
      int same = 0, sameAcc = 0, diff = 0, diffAcc = 0, lost = 0;
      for (var pair : protocol.pairs()) {
        Optional<Embedding> l = f.apply(pair.left(images)), r = f.apply(pair.right(images));
        boolean acc = l.isPresent() && r.isPresent() && l.get().cosine(r.get()) >= t;
        if (l.isEmpty() || r.isEmpty()) lost++;
        if (pair.same()) { same++; if (acc) sameAcc++; } else { diff++; if (acc) diffAcc++; }
      }
      System.out.printf("%s threshold=%.4f genuine accepted %d/%d (FRR %.4f) impostors accepted %d/%d (FAR %.4f) pairs with no face %d%n",
          Path.of(pairsFile).getFileName(), t, sameAcc, same, 1 - (double) sameAcc / same, diffAcc, diff, (double) diffAcc / diff, lost);
    }
  }
}
