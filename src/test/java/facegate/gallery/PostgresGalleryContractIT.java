package facegate.gallery;

import org.junit.jupiter.api.AfterEach;

/** The gallery contract on the PostgreSQL store, against a real server. */
class PostgresGalleryContractIT extends GalleryContract {
  private String schemaUrl;

  @Override
  Gallery openEmpty() throws Exception {
    schemaUrl = TestPostgres.freshSchemaUrl();
    return PostgresGallery.open(TestPostgres.settings(schemaUrl), OPTIONS);
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (gallery != null) {
      gallery.close(); // before its tables go
    }
    if (schemaUrl != null) {
      TestPostgres.dropSchema(schemaUrl);
    }
  }
}
