package dev.tasker.runtime.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that answers without credentials even when authentication is on: the liveness and
 * readiness probes, which container runtimes and load balancers call without a token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OpenAccess {
}
