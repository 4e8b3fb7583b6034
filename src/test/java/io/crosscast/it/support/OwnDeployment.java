package io.crosscast.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration test class whose deployment is its own ({@link Deployments#crosscast(Class...)}: it adds a
 * test clock, activity, job or library to the application) and keeps it out of the shared deployment
 * ({@link Deployments#shared()}), where what it injects would be missing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnDeployment {}
