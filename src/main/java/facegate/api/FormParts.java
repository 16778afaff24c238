package facegate.api;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The parts of one {@code multipart/form-data} request, read in full, each name at most once. The
 * one place where controllers take multipart input: a repeated part ({@code -F id=a -F id=b}, two
 * {@code photo}s) is refused with {@code malformed_request} naming it instead of letting the first
 * win; a missing required part likewise. Micronaut drops empty parts before they get here, so an
 * empty part is a missing one: a missing or empty photo is {@code image_empty}. A photo may arrive
 * as a file part or a text part (its bytes go to the image decoder either way, which answers {@code
 * not_an_image} for text). Text parts are UTF-8. Parts an endpoint does not take are ignored.
 */
final class FormParts {
  private final Map<String, CompletedPart> parts;

  private FormParts(Map<String, CompletedPart> parts) {
    this.parts = parts;
  }

  /**
   * Reads every part of {@code body}, blocking until the request is complete (controllers call it
   * on the blocking executor).
   *
   * @throws FaceException {@code malformed_request} for a repeated part name; Micronaut's own
   *     exceptions (too many parts, too large a body) are rethrown for their handlers
   */
  static FormParts read(MultipartBody body) {
    Map<String, CompletedPart> parts = new LinkedHashMap<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      subscribe(body, parts, done);
    } catch (RuntimeException e) {
      throw reported(e);
    }
    await(done);
    return new FormParts(parts);
  }

  private static void subscribe(
      MultipartBody body, Map<String, CompletedPart> parts, CompletableFuture<Void> done) {
    body.subscribe(
        new Subscriber<>() {
          @Override
          public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(CompletedPart part) {
            if (parts.putIfAbsent(part.getName(), part) != null && !done.isDone()) {
              done.completeExceptionally(
                  new FaceException(
                      ErrorCode.MALFORMED_REQUEST,
                      "the part '"
                          + part.getName()
                          + "' is sent more than once; send each part once"));
            }
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }

          @Override
          public void onComplete() {
            done.complete(null);
          }
        });
  }

  /**
   * The exception to report for one thrown while the body is read. When the form decoder gives up
   * (too many parts), Micronaut 4.10's multipart binder releases the parts it collected a second
   * time and throws Netty's {@code IllegalReferenceCountException} with the decoder's exception
   * attached as suppressed: the decoder's exception is the one that explains the request.
   */
  static RuntimeException reported(RuntimeException thrown) {
    for (Throwable suppressed : thrown.getSuppressed()) {
      if (suppressed instanceof ContentLengthExceededException limit) {
        return limit;
      }
    }
    return thrown;
  }

  private static void await(CompletableFuture<Void> done) {
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaceException(ErrorCode.INTERNAL, "interrupted while reading the request", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw reported(runtime);
      }
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST,
          "the multipart body could not be read; send well-formed multipart/form-data",
          e.getCause());
    }
  }

  /**
   * The bytes of the required photo part {@code name}.
   *
   * @throws FaceException {@code image_empty} when it is missing or empty
   */
  byte[] photo(String name) {
    return optionalBytes(name)
        .orElseThrow(
            () ->
                new FaceException(
                    ErrorCode.IMAGE_EMPTY,
                    "the part '"
                        + name
                        + "' is missing or empty; send the bytes of an image file (curl -F "
                        + name
                        + "=@face.jpg)"));
  }

  /** The required text part {@code name}; {@code malformed_request} when missing or empty. */
  String text(String name) {
    return optionalText(name)
        .orElseThrow(
            () ->
                new FaceException(
                    ErrorCode.MALFORMED_REQUEST,
                    "the part '"
                        + name
                        + "' is missing or empty; send it (curl -F "
                        + name
                        + "=...)"));
  }

  /** The bytes of the part {@code name}, empty when absent. */
  Optional<byte[]> optionalBytes(String name) {
    CompletedPart part = parts.get(name);
    if (part == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(part.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text part {@code name}, empty when absent. */
  Optional<String> optionalText(String name) {
    return optionalBytes(name).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * The true/false part {@code name} ({@code part} its text, or null): {@code true} or {@code
   * false}; absent or empty: {@code byDefault}; anything else {@code malformed_request}.
   */
  static boolean flag(String name, String part, boolean byDefault) {
    if (part == null || part.isEmpty()) {
      return byDefault;
    }
    return switch (part) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new FaceException(
              ErrorCode.MALFORMED_REQUEST, name + " must be true or false, got '" + part + "'");
    };
  }
}
