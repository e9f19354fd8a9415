package io.touchpoint.ticket.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The typed value of a ticket's custom field. */
public sealed interface FieldValue {

    /** The type's name as the API shows it: {@code string}, {@code number}, {@code boolean}, {@code date}. */
    String type();

    record Text(String value) implements FieldValue {

        public static final int MAX_LENGTH = 2000;

        public Text {
            Objects.requireNonNull(value, "value");
            if (value.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("text longer than " + MAX_LENGTH + " characters");
            }
        }

        @Override
        public String type() {
            return "string";
        }
    }

    record Number(BigDecimal value) implements FieldValue {

        public Number {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "number";
        }
    }

    record Flag(boolean value) implements FieldValue {

        @Override
        public String type() {
            return "boolean";
        }
    }

    record Date(LocalDate value) implements FieldValue {

        public Date {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "date";
        }
    }
}
