package facegate.api;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.pipeline.FaceService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /v1/crops/{id}} (verifier or admin key): the aligned face crop an enrolled person's
 * template was made from, as a PNG, so identify results can be checked by eye. Only when {@code
 * facegate.gallery.store-crops} is on; otherwise {@code crop_not_stored}.
 */
@RequiredRole(Role.VERIFIER)
@Controller("/v1/crops")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class CropsController {
  private final FaceService faces;

  public CropsController(FaceService faces) {
    this.faces = faces;
  }

  @Get(value = "/{id}", produces = MediaType.IMAGE_PNG)
  public HttpResponse<byte[]> crop(@PathVariable String id) {
    byte[] png =
        faces
            .crop(id)
            .orElseThrow(
                () ->
                    new FaceException(
                        ErrorCode.CROP_NOT_STORED,
                        faces.keepsCrops()
                            ? "no crop was stored for '"
                                + id
                                + "' (enrolled before crops were kept)"
                            : "face crops are not kept: set facegate.gallery.store-crops=true"
                                + " (environment FACEGATE_GALLERY_STORE_CROPS) to keep them for"
                                + " new enrollments"));
    return HttpResponse.ok(png).contentType(MediaType.IMAGE_PNG_TYPE);
  }
}
