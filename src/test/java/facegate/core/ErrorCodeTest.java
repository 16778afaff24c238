package facegate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
  @Test
  void codesAreUniqueAndSnakeCase() {
    long distinct = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct().count();
    assertEquals(ErrorCode.values().length, distinct);
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(code.code().matches("[a-z]+(_[a-z]+)*"), code.code());
      assertTrue(code.httpStatus() >= 400 && code.httpStatus() < 600, code.name());
    }
  }
}
