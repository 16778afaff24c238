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
  void auditNeedsAnAdminManagementAndPreviewAVerifier() {
    assertEquals(Role.ADMIN, AccessPolicy.requiredRole("/v1/audit"));
    assertEquals(Role.VERIFIER, AccessPolicy.requiredRole("/v1/faces/detect"));
    assertEquals(Role.VERIFIER, AccessPolicy.requiredRole("/v1/crops/alice"));
    assertEquals(Role.VERIFIER, AccessPolicy.requiredRole("/prometheus"));
    assertEquals(Role.VERIFIER, AccessPolicy.requiredRole("/info"));
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
    assertEquals(Role.ADMIN, AccessPolicy.requiredRole("/v1/people"));
    assertEquals(Role.ADMIN, AccessPolicy.requiredRole("/v1/people/alice"));
    assertEquals(Role.VERIFIER, AccessPolicy.requiredRole("/v1/verify"));
    assertEquals(Role.VERIFIER, AccessPolicy.requiredRole("/v1/identify"));
    assertEquals(Role.VERIFIER, AccessPolicy.requiredRole("/v1/peoplex"));

    assertEquals(Role.ADMIN, policy.authorize("admin-key", "/v1/people"));
    assertEquals(Role.ADMIN, policy.authorize("admin-key", "/v1/verify"));
    assertEquals(Role.VERIFIER, policy.authorize("verifier-key", "/v1/identify"));
    assertCode(ErrorCode.FORBIDDEN, () -> policy.authorize("verifier-key", "/v1/people"));
    assertCode(ErrorCode.FORBIDDEN, () -> policy.authorize("verifier-key", "/v1/people/x"));
  }

  @Test
  void missingOrUnknownKeysAreUnauthorized() {
    assertCode(ErrorCode.UNAUTHORIZED, () -> policy.authorize(null, "/v1/verify"));
    assertCode(ErrorCode.UNAUTHORIZED, () -> policy.authorize("", "/v1/verify"));
    assertCode(ErrorCode.UNAUTHORIZED, () -> policy.authorize("nope", "/v1/people"));
  }

  @Test
  void withoutConfiguredKeysEveryCallIsUnauthorizedWithHowToConfigure() {
    AccessPolicy none = new AccessPolicy(new ApiKeys(List.of(), List.of("")));
    FaceException e =
        assertThrows(FaceException.class, () -> none.authorize("anything", "/v1/verify"));
    assertEquals(ErrorCode.UNAUTHORIZED, e.errorCode());
    assertTrue(e.getMessage().contains("FACEGATE_KEYS_ADMIN"), e.getMessage());
  }

  @Test
  void messagesNeverEchoTheKey() {
    FaceException e =
        assertThrows(FaceException.class, () -> policy.authorize("secret-123", "/v1/verify"));
    assertFalse(e.getMessage().contains("secret-123"));
  }

  private static void assertCode(ErrorCode code, Runnable call) {
    FaceException e = assertThrows(FaceException.class, call::run);
    assertEquals(code, e.errorCode());
  }
}
