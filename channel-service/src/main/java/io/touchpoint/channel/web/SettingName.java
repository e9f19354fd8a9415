package io.touchpoint.channel.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A setting or secret name: a camelCase identifier, which is also a safe MongoDB field name. */
@Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_]{0,63}", message = "must be a name of letters, digits and _")
@Constraint(validatedBy = {})
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface SettingName {

    String message() default "must be a name of letters, digits and _";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
