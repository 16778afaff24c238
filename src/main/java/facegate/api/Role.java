package facegate.api;

/** What an API key may do. An admin may do everything a verifier may. */
public enum Role {
  /** Verify and identify. */
  VERIFIER,
  /** Manage the gallery, verify and identify. */
  ADMIN;

  /** Whether a key with this role may call an endpoint that requires {@code required}. */
  public boolean allows(Role required) {
    return this == ADMIN || required == VERIFIER;
  }
}
