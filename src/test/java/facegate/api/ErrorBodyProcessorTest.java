package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.ErrorCode;
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
}
