package io.touchpoint.ticket.web.sla;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code next} is absent on the last page (API.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PageResponse<T>(List<T> data, String next) {

    /** Builds a page from {@code limit + 1} fetched items: the extra one only says that there is a next page. */
    static <S, T> PageResponse<T> of(List<S> fetched, int limit, Function<S, String> id, Function<S, T> response) {
        boolean more = fetched.size() > limit;
        List<S> page = more ? fetched.subList(0, limit) : fetched;
        String next = more ? Cursor.encode(id.apply(page.get(page.size() - 1))) : null;
        return new PageResponse<>(page.stream().map(response).toList(), next);
    }
}
