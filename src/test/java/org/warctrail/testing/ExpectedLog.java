package org.warctrail.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test (or a class of tests) whose point is a logged warning or error, so {@link LogWatch} lets it pass. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ExpectedLog {
    /** Why the test logs: what it provokes. */
    String value();
}
