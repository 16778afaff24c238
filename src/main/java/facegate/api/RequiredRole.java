package facegate.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role an API key needs to call a controller's routes (on the class) or one route (on the
 * method). {@link ApiKeyFilter} reads it from the route the request matched, so every spelling of a
 * path that reaches the route (trailing slash, repeated slashes, percent-encoding) needs the same
 * key. A route with neither this nor {@link NoKeyRequired} needs an admin key: forgetting the
 * annotation fails closed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiredRole {
  /** The least role allowed; an admin key may call everything a verifier key may. */
  Role value();
}
