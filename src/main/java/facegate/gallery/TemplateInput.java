package facegate.gallery;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Person;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what callers hand the gallery before anything is locked or written: templates present, not
 * too many, of the gallery's dimension. Failures are {@code malformed_request}.
 */
final class TemplateInput {
  private TemplateInput() {}

  /** The vectors of {@code templates}: 1 to {@link PersonCodec#MAX_TEMPLATES_PER_RECORD}. */
  static List<float[]> vectors(List<Embedding> templates, GalleryOptions options) {
    if (templates == null || templates.isEmpty()) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "at least one template is needed");
    }
    long bytes = (long) templates.size() * (options.dimension() * Float.BYTES + Long.BYTES);
    if (templates.size() > PersonCodec.MAX_TEMPLATES_PER_RECORD
        || bytes > Journal.MAX_PAYLOAD_BYTES / 2) {
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST,
          "too many templates in one call ("
              + templates.size()
              + "); send them in smaller batches");
    }
    List<float[]> vectors = new ArrayList<>(templates.size());
    for (Embedding template : templates) {
      vectors.add(vector(template, options));
    }
    return vectors;
  }

  /** A copy of {@code embedding}'s values, which must have the gallery's dimension. */
  static float[] vector(Embedding embedding, GalleryOptions options) {
    if (embedding == null) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "a template is missing (null)");
    }
    if (embedding.dimension() != options.dimension()) {
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST,
          "embedding has dimension "
              + embedding.dimension()
              + ", but the gallery's model '"
              + options.modelName()
              + "' has dimension "
              + options.dimension());
    }
    return embedding.values();
  }

  static boolean isValidId(String id) {
    try {
      Person.requireValidId(id);
      return true;
    } catch (FaceException e) {
      return false;
    }
  }
}
