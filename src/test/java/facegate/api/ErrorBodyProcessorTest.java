package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import io.micronaut.http.HttpVersion;
import org.junit.jupiter.api.Test;

class ErrorBodyProcessorTest {
  @Test
  void mapsMicronautStatusesToCodesWithTheSameStatus() {
    for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500}) {
      assertEquals(status, ErrorBodyProcessor.codeFor(status).httpStatus(), "status " + status);
    }
    assertEquals(ErrorCode.MALFORMED_REQUEST, ErrorBodyProcessor.codeFor(400));
    assertEquals(ErrorCode.NOT_FOUND, ErrorBodyProcessor.codeFor(404));
    assertEquals(ErrorCode.REQUEST_TOO_LARGE, ErrorBodyProcessor.codeFor(413));
    assertEquals(ErrorCode.INTERNAL, ErrorBodyProcessor.codeFor(503));
  }

  @Test
  void tellsTheClientWhenTheConnectionWillBeClosed() {
    assertTrue(ErrorBodyProcessor.closesConnection(HttpVersion.HTTP_1_0, 400));
    assertTrue(ErrorBodyProcessor.closesConnection(HttpVersion.HTTP_1_1, 413));
    assertFalse(ErrorBodyProcessor.closesConnection(HttpVersion.HTTP_1_1, 400));
    assertFalse(ErrorBodyProcessor.closesConnection(HttpVersion.HTTP_1_1, 404));
  }
}
