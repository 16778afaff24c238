package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsWeightsTest {
  @TempDir Path dir;

  @Test
  void readsUint8QuantisedFloat32AndInt32AcrossShards() throws IOException {
    // q = [0, 1, 2, 255] with scale 0.5 and min -1 -> [-1, -0.5, 0, 126.5]
    byte[] quantised = {0, 1, 2, (byte) 255};
    ByteBuffer plain = ByteBuffer.allocate(3 * 4 + 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
    plain.putFloat(1.5f).putFloat(-2.25f).putFloat(1e-3f).putInt(7).putInt(-3);
    // The group's bytes are split over two shards mid-tensor: they must be concatenated.
    byte[] all = new byte[quantised.length + plain.capacity()];
    System.arraycopy(quantised, 0, all, 0, quantised.length);
    System.arraycopy(plain.array(), 0, all, quantised.length, plain.capacity());
    Files.write(dir.resolve("w.bin1"), Arrays.copyOfRange(all, 0, 6));
    Files.write(dir.resolve("w.bin2"), Arrays.copyOfRange(all, 6, all.length));
    Files.writeString(
        dir.resolve("m.json"),
        """
        [{"paths": ["w.bin1", "w.bin2"], "weights": [
          {"name": "q", "shape": [2, 2], "dtype": "float32",
           "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0}},
          {"name": "f", "shape": [3], "dtype": "float32"},
          {"name": "i", "shape": [2], "dtype": "int32"}]}]
        """);

    Map<String, TfjsTensor> weights = TfjsWeights.read(dir.resolve("m.json"));

    assertEquals(List.of("q", "f", "i"), List.copyOf(weights.keySet()));
    assertArrayEquals(new int[] {2, 2}, weights.get("q").shape());
    assertArrayEquals(new float[] {-1f, -0.5f, 0f, 126.5f}, weights.get("q").values());
    assertArrayEquals(new float[] {1.5f, -2.25f, 1e-3f}, weights.get("f").values());
    assertArrayEquals(new float[] {7f, -3f}, weights.get("i").values());
  }

  @Test
  void readsUint16AndFloat16Quantisation() throws IOException {
    ByteBuffer data = ByteBuffer.allocate(2 * 2 + 3 * 2).order(ByteOrder.LITTLE_ENDIAN);
    data.putShort((short) 1000).putShort((short) 65535); // * 0.01 + 2 -> 12, 657.35
    data.putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x0001); // 1, -2, 2^-24
    Files.write(dir.resolve("h.bin"), data.array());
    Files.writeString(
        dir.resolve("h.json"),
        """
        [{"paths": ["h.bin"], "weights": [
          {"name": "u", "shape": [2], "dtype": "float32",
           "quantization": {"dtype": "uint16", "scale": 0.01, "min": 2.0}},
          {"name": "h", "shape": [3], "dtype": "float32", "quantization": {"dtype": "float16"}}]}]
        """);

    Map<String, TfjsTensor> weights = TfjsWeights.read(dir.resolve("h.json"));

    assertArrayEquals(new float[] {12f, 657.35f}, weights.get("u").values(), 1e-4f);
    assertArrayEquals(new float[] {1f, -2f, 0x1p-24f}, weights.get("h").values());
  }

  @Test
  void shardShorterThanItsWeightsIsInvalid() throws IOException {
    Files.write(dir.resolve("s.bin"), new byte[] {1, 2, 3});
    Files.writeString(
        dir.resolve("s.json"),
        """
        [{"paths": ["s.bin"], "weights": [{"name": "f", "shape": [1], "dtype": "float32"}]}]
        """);

    FaceException e =
        assertThrows(FaceException.class, () -> TfjsWeights.read(dir.resolve("s.json")));
    assertEquals(ErrorCode.MODEL_INVALID, e.errorCode());
  }
}
