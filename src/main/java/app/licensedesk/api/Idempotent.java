package app.licensedesk.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a Retrofit method whose request is safe to repeat although its HTTP method is not (a POST query). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Idempotent {
}
