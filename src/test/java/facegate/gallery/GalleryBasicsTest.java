package facegate.gallery;

import facegate.core.ErrorCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gallery contract on the embedded file store, plus what only a folder can do. */
class GalleryBasicsTest extends GalleryContract {
  @TempDir Path directory;

  @Override
  Gallery openEmpty() {
    return HnswGallery.open(directory, OPTIONS);
  }

  @Test
  void secondOpenOfTheSameFolderIsRefused() {
    assertCode(ErrorCode.INTERNAL, () -> HnswGallery.open(directory, OPTIONS));
  }
}
