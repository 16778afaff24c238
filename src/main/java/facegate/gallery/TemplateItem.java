package facegate.gallery;

import com.github.jelmerk.hnswlib.core.Item;

/**
 * A template as the HNSW graph holds it: keyed by template id, carrying its person's id so that a
 * search hit names the person.
 *
 * @param id the template id
 * @param personId the person the template belongs to
 * @param vector the unit vector; shared, modified only to zero it when the template is removed
 */
record TemplateItem(Long id, String personId, float[] vector) implements Item<Long, float[]> {
  private static final long serialVersionUID = 1L;

  @Override
  public int dimensions() {
    return vector.length;
  }
}
