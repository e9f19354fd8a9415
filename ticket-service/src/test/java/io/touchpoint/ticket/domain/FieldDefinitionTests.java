package io.touchpoint.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FieldDefinitionTests {

    @Test
    void aDateFieldTakesAnIsoDateString() {
        FieldDefinition due = definition("dueDate", FieldDefinition.Type.DATE);

        assertThat(due.conform(new FieldValue.Text("2026-12-01")))
                .isEqualTo(new FieldValue.Date(LocalDate.of(2026, 12, 1)));
        assertThatThrownBy(() -> due.conform(new FieldValue.Text("next week")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("customFields.dueDate");
                    assertThat(e.getMessage()).isEqualTo("must be a date (YYYY-MM-DD)");
                });
    }

    @Test
    void aValueOfAnotherTypeIsRefused() {
        FieldDefinition amount = definition("amount", FieldDefinition.Type.NUMBER);

        assertThat(amount.conform(new FieldValue.Number(BigDecimal.TEN)))
                .isEqualTo(new FieldValue.Number(BigDecimal.TEN));
        assertThatThrownBy(() -> amount.conform(new FieldValue.Text("10"))).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> definition("vip", FieldDefinition.Type.BOOLEAN).conform(new FieldValue.Text("yes")))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void aFieldNameIsAnIdentifier() {
        assertThatThrownBy(() -> definition("due date", FieldDefinition.Type.DATE))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    private static FieldDefinition definition(String name, FieldDefinition.Type type) {
        return new FieldDefinition("acme", name, type, null, Instant.now(), Instant.now());
    }
}
