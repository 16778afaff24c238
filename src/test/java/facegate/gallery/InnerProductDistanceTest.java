package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InnerProductDistanceTest {
  @Test
  void agreesWithTheLibrarysDistanceForEveryLength() {
    Random random = new Random(5);
    for (int length = 1; length <= 130; length++) {
      float[] u = new float[length];
      float[] v = new float[length];
      for (int i = 0; i < length; i++) {
        u[i] = (float) random.nextGaussian();
        v[i] = (float) random.nextGaussian();
      }
      double exact = 0;
      for (int i = 0; i < length; i++) {
        exact += (double) u[i] * v[i];
      }
      assertEquals(exact, InnerProductDistance.dot(u, v), 1e-4, "length " + length);
      assertEquals(
          DistanceFunctions.FLOAT_INNER_PRODUCT.distance(u, v),
          InnerProductDistance.INSTANCE.distance(u, v),
          1e-4,
          "length " + length);
    }
  }

  @Test
  void handComputed() {
    float[] u = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    float[] v = {1, 1, 1, 1, 1, 1, 1, 1, 2};
    assertEquals(36 + 18, InnerProductDistance.dot(u, v));
    assertEquals(1 - 54f, InnerProductDistance.INSTANCE.distance(u, v));
  }

  @Test
  void staysTheOneInstanceThroughSerialisation() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(InnerProductDistance.INSTANCE);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertSame(InnerProductDistance.INSTANCE, in.readObject());
    }
  }
}
