package facegate.gallery;

import facegate.core.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random unit vectors for gallery tests. */
final class RandomEmbeddings {
  private final Random random;
  private final int dimension;

  RandomEmbeddings(long seed, int dimension) {
    this.random = new Random(seed);
    this.dimension = dimension;
  }

  Embedding next() {
    float[] raw = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      raw[i] = (float) random.nextGaussian();
    }
    return Embedding.normalize(raw);
  }

  List<Embedding> next(int count) {
    List<Embedding> embeddings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      embeddings.add(next());
    }
    return embeddings;
  }

  /** A unit vector close to {@code centre}: centre plus Gaussian noise of scale {@code noise}. */
  Embedding near(Embedding centre, double noise) {
    float[] values = centre.values();
    for (int i = 0; i < values.length; i++) {
      values[i] += (float) (random.nextGaussian() * noise);
    }
    return Embedding.normalize(values);
  }
}
