package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  private final ApiKeys keys = new ApiKeys(List.of("admin-key", " "), List.of("verifier-key"));
  private final AccessPolicy policy = new AccessPolicy(keys);

  @Test
  void matchesKeysToRoles() {
    assertEquals(Optional.of(Role.ADMIN), keys.roleOf("admin-key"));
    assertEquals(Optional.of(Role.VERIFIER), keys.roleOf("verifier-key"));
    assertEquals(Optional.empty(), keys.roleOf("admin-key2"));
    assertEquals(Optional.empty(), keys.roleOf("admin-ke"));
    assertEquals(Optional.empty(), keys.roleOf("ADMIN-KEY"));
    assertEquals(Optional.empty(), keys.roleOf(""));
    assertEquals(Optional.empty(), keys.roleOf(" "), "a blank configured key must not match");
    assertEquals(Optional.empty(), keys.roleOf(null));
  }

  @Test
  void namesCallersByRoleAndPositionNeverByKey() {
    ApiKeys named = new ApiKeys(List.of("a1", "a2"), List.of("v1"));
    assertEquals(Optional.of(new Caller("admin#2", Role.ADMIN)), named.callerOf("a2"));
    assertEquals(Optional.of(new Caller("verifier#1", Role.VERIFIER)), named.callerOf("v1"));
    assertEquals(Optional.empty(), named.callerOf("v2"));
  }

  @Test
  void aKeyListedUnderBothRolesIsAnAdmin() {
    ApiKeys both = new ApiKeys(List.of("k"), List.of("k"));
    assertEquals(Optional.of(Role.ADMIN), both.roleOf("k"));
    ApiKeys reversed = new ApiKeys(List.of("other", "k"), List.of("k", "x"));
    assertEquals(Optional.of(Role.ADMIN), reversed.roleOf("k"));
  }

  @Test
  void adminMayDoEverythingVerifierOnlyVerifyAndIdentify() {
    assertTrue(Role.ADMIN.allows(Role.ADMIN));
    assertTrue(Role.ADMIN.allows(Role.VERIFIER));
    assertTrue(Role.VERIFIER.allows(Role.VERIFIER));
    assertFalse(Role.VERIFIER.allows(Role.ADMIN));

    assertEquals(Role.ADMIN, policy.authorize("admin-key", Role.ADMIN).role());
    assertEquals(Role.ADMIN, policy.authorize("admin-key", Role.VERIFIER).role());
    assertEquals(Role.VERIFIER, policy.authorize("verifier-key", Role.VERIFIER).role());
    assertCode(ErrorCode.FORBIDDEN, () -> policy.authorize("verifier-key", Role.ADMIN));
    assertCode(ErrorCode.FORBIDDEN, () -> policy.authorize("verifier-key", Role.ADMIN));
  }

  @Test
  void missingOrUnknownKeysAreUnauthorized() {
    assertCode(ErrorCode.UNAUTHORIZED, () -> policy.authorize(null, Role.VERIFIER));
    assertCode(ErrorCode.UNAUTHORIZED, () -> policy.authorize("", Role.VERIFIER));
    assertCode(ErrorCode.UNAUTHORIZED, () -> policy.authorize("nope", Role.ADMIN));
  }

  @Test
  void withoutConfiguredKeysEveryCallIsUnauthorizedWithHowToConfigure() {
    AccessPolicy none = new AccessPolicy(new ApiKeys(List.of(), List.of("")));
    FaceException e =
        assertThrows(FaceException.class, () -> none.authorize("anything", Role.VERIFIER));
    assertEquals(ErrorCode.UNAUTHORIZED, e.errorCode());
    assertTrue(e.getMessage().contains("FACEGATE_KEYS_ADMIN"), e.getMessage());
  }

  @Test
  void messagesNeverEchoTheKey() {
    FaceException e =
        assertThrows(FaceException.class, () -> policy.authorize("secret-123", Role.VERIFIER));
    assertFalse(e.getMessage().contains("secret-123"));
  }

  private static void assertCode(ErrorCode code, Runnable call) {
    FaceException e = assertThrows(FaceException.class, call::run);
    assertEquals(code, e.errorCode());
  }
}
