package io.touchpoint.gateway.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code next} is the cursor of the following page, absent on the last. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Page<T>(List<T> data, String next) {

    /** From up to {@code limit + 1} items read: the extra one only says that there is a next page. */
    static <T> Page<T> of(List<T> items, int limit, Function<T, String> id) {
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        List<T> page = items.subList(0, limit);
        return new Page<>(List.copyOf(page), AdminRequests.cursor(id.apply(page.get(limit - 1))));
    }
}
