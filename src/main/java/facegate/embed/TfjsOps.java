package facegate.embed;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The op table of {@link TfjsGraph}: TensorFlow op name to its DJL implementation. Spatial ops
 * (convolutions, pooling, padding, resizing) are in {@link TfjsSpatialOps}, shape ops in {@link
 * TfjsShapeOps}, arithmetic and activations in {@link TfjsMathOps}.
 */
final class TfjsOps {
  private static final Map<String, TfjsOp> TABLE = table();

  private TfjsOps() {}

  private static Map<String, TfjsOp> table() {
    Map<String, TfjsOp> table = new TreeMap<>();
    TfjsSpatialOps.register(table);
    TfjsShapeOps.register(table);
    TfjsMathOps.register(table);
    return Collections.unmodifiableMap(table);
  }

  /** The implementation of {@code op}, or empty when it is not supported. */
  static Optional<TfjsOp> find(String op) {
    return Optional.ofNullable(TABLE.get(op));
  }

  /** Names of every supported op, sorted. */
  static java.util.Set<String> supported() {
    return TABLE.keySet();
  }
}
