package dev.tasker.runtime.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a JAX-RS resource method (or every method of a resource class) needs when authentication is
 * on. A method's annotation wins over its class's. A resource with neither this nor {@link OpenAccess} is
 * refused to every key, so a new endpoint cannot be exposed by forgetting to annotate it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresPermission {
    Permission value();
}
