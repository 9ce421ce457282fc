package dev.tasker.runtime.health;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a check of the {@linkplain DetailedGroup detailed group} that queries the database. While
 * the database check fails, {@code /health/detailed} reports it as skipped instead of running it: it could only
 * wait out the pool's acquisition timeout and fail. The name is needed because a check names itself only in the
 * response it returns.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface QueriesTheDatabase {

    /** The name the check reports under. */
    String value();
}
