package facegate.gallery;

import java.util.Collection;
import java.util.Optional;

/**
 * The aligned face crops of enrolled people, kept only when the operator asks for it (the privacy
 * default keeps templates only). A crop is a PNG of the chip the person's first template was
 * computed from. Implementations are thread-safe; {@link #put} and {@link #remove} are durable when
 * they return.
 */
public interface FaceCrops {
  /** Keeps nothing: {@link #put} and {@link #remove} do nothing, {@link #png} is always empty. */
  FaceCrops NONE =
      new FaceCrops() {
        @Override
        public boolean enabled() {
          return false;
        }

        @Override
        public void put(String id, byte[] png) {}

        @Override
        public Optional<byte[]> png(String id) {
          return Optional.empty();
        }

        @Override
        public void remove(String id) {}

        @Override
        public int retainOnly(Collection<String> ids) {
          return 0;
        }
      };

  /** Whether crops are stored at all. */
  boolean enabled();

  /** Stores (or replaces) the crop of person {@code id}; durable when it returns. */
  void put(String id, byte[] png);

  /** The stored crop of person {@code id}; empty when none is stored (or storing is off). */
  Optional<byte[]> png(String id);

  /** Deletes the crop of person {@code id}, if any; durable when it returns. */
  void remove(String id);

  /**
   * Deletes every crop whose person is not in {@code ids} (left behind by a crash between storing a
   * crop and enrolling, or between removing a person and their crop).
   *
   * @return how many crops were deleted
   */
  int retainOnly(Collection<String> ids);
}
