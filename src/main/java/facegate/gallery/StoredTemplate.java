package facegate.gallery;

/**
 * One face template as the gallery stores it.
 *
 * @param id the gallery-wide template number, at least 1, never reused
 * @param vector the unit vector; shared, not copied: never modify it (the graph zeroes it when the
 *     template is removed, see {@link TemplateIndex#remove})
 */
record StoredTemplate(long id, float[] vector) {
  StoredTemplate {
    if (id < 1) {
      throw new IllegalArgumentException("template id must be positive: " + id);
    }
    if (vector == null || vector.length == 0) {
      throw new IllegalArgumentException("template vector is empty");
    }
  }
}
