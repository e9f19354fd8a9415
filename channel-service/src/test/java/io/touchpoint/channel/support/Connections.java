package io.touchpoint.channel.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;

/** Creating channel connections through the API, as a tenant's admin would. */
public final class Connections {

    private Connections() {}

    /** Creates a connection from its JSON and returns its id. */
    public static String create(ChannelApi api, String json) {
        HttpResponse<String> response = api.postJson("/v1/channels/connections", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.id");
    }
}
