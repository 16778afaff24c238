package facegate.gallery;

import facegate.core.Embedding;
import facegate.core.Match;
import facegate.core.Person;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Gallery} whose reads are answered from a {@link GalleryView} in memory, never from
 * storage, with the view's edge cases and error codes. Subclasses decide how changes are saved and
 * received, apply them to the view, and close it.
 */
abstract class ViewBackedGallery implements Gallery {
  /** The read model; subclasses apply their changes to it. */
  final GalleryView view;

  ViewBackedGallery(GalleryView view) {
    this.view = view;
  }

  @Override
  public final Optional<Person> find(String id) {
    return view.find(id);
  }

  @Override
  public final Page list(int offset, int limit) {
    return view.list(offset, limit);
  }

  @Override
  public final List<Match> search(Embedding probe, int k) {
    return view.search(probe, k);
  }

  @Override
  public final Optional<Match> compare(String id, Embedding probe) {
    return view.compare(id, probe);
  }

  @Override
  public final Optional<List<Embedding>> templates(String id) {
    return view.templates(id);
  }

  @Override
  public final int size() {
    return view.size();
  }

  @Override
  public final GalleryInfo info() {
    return view.info();
  }
}
