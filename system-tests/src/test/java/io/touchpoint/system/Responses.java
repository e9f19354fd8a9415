package io.touchpoint.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** What the tests expect of the platform's answers. */
final class Responses {

    private Responses() {}

    /** 404 with a problem body: what another tenant's data, or data that does not exist, looks like. */
    static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
