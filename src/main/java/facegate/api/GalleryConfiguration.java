package facegate.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Gallery settings beyond its folder, under {@code facegate.gallery.*} (environment: {@code
 * FACEGATE_GALLERY_STORE_CROPS}).
 *
 * @param storeCrops keep each enrolled person's aligned face crop (a 150x150 PNG in {@code
 *     <gallery-dir>/crops/}) so identify results can show it; off by default, the privacy setting:
 *     only templates (embeddings) are kept. Crops are written durably before enrollment returns and
 *     deleted with the person.
 */
@ConfigurationProperties("facegate.gallery")
public record GalleryConfiguration(@Bindable(defaultValue = "false") boolean storeCrops) {}
