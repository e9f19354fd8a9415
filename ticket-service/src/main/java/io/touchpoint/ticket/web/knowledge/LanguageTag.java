package io.touchpoint.ticket.web.knowledge;

import io.touchpoint.ticket.domain.knowledge.LanguageTags;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A well-formed BCP 47 language tag ({@code en}, {@code de-CH}, {@code zh-Hant-TW}); null is valid. */
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as en or de-CH";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() > 35) {
                return false;
            }
            try {
                LanguageTags.canonical(value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
