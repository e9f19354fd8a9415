package io.touchpoint.channel.web.webhook.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTests {

    /**
     * The worked example of Twilio's "Webhooks security" page: auth token {@code 12345}, this URL and these POST
     * parameters sign to this value.
     */
    @Test
    void computesTheSignatureOfTwilioDocumentedExample() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        params.put("Caller", List.of("+14158675310"));
        params.put("Digits", List.of("1234"));
        params.put("From", List.of("+14158675310"));
        params.put("To", List.of("+18005551212"));

        assertThat(TwilioSignature.compute("12345", "https://example.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("L/OH5YylLD5NRKLltdqwSvS0BnU=");
    }

    /** The same example as older versions of the page and Twilio's SDK docs give it. */
    @Test
    void computesTheSignatureOfTwilioEarlierDocumentedExample() {
        Map<String, List<String>> params = Map.of(
                "To", List.of("+18005551212"),
                "From", List.of("+12349013030"),
                "Digits", List.of("1234"),
                "Caller", List.of("+12349013030"),
                "CallSid", List.of("CA1234567890ABCDE"));

        assertThat(TwilioSignature.compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void verifiesRegardlessOfTheOrderParametersArriveIn() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("To", List.of("+18005551212"));
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        params.put("From", List.of("+14158675310"));
        params.put("Digits", List.of("1234"));
        params.put("Caller", List.of("+14158675310"));

        assertThat(TwilioSignature.verify(
                        "12345", "https://example.com/myapp.php?foo=1&bar=2", params, "L/OH5YylLD5NRKLltdqwSvS0BnU="))
                .isTrue();
    }

    @Test
    void aChangedParameterUrlOrTokenDoesNotVerify() {
        Map<String, List<String>> params = Map.of("Body", List.of("hello"), "From", List.of("+14155551234"));
        String url = "https://hooks.example.com/webhooks/sms/con_1";
        String signature = TwilioSignature.compute("token", url, params);

        assertThat(TwilioSignature.verify("token", url, params, signature)).isTrue();
        assertThat(TwilioSignature.verify(
                        "token", url, Map.of("Body", List.of("hellO"), "From", List.of("+14155551234")), signature))
                .isFalse();
        assertThat(TwilioSignature.verify("token", url + "?x=1", params, signature))
                .isFalse();
        assertThat(TwilioSignature.verify("other", url, params, signature)).isFalse();
        assertThat(TwilioSignature.verify("token", url, params, null)).isFalse();
        assertThat(TwilioSignature.verify("token", url, params, "")).isFalse();
    }

    @Test
    void aUrlSignedWithOrWithoutItsDefaultPortVerifiesEitherWay() {
        Map<String, List<String>> params = Map.of("Body", List.of("hi"));
        String withPort = TwilioSignature.compute("token", "https://hooks.example.com:443/webhooks/sms/con_1", params);
        String withoutPort = TwilioSignature.compute("token", "https://hooks.example.com/webhooks/sms/con_1", params);

        assertThat(TwilioSignature.verify("token", "https://hooks.example.com/webhooks/sms/con_1", params, withPort))
                .isTrue();
        assertThat(TwilioSignature.verify(
                        "token", "https://hooks.example.com:443/webhooks/sms/con_1", params, withoutPort))
                .isTrue();
        assertThat(TwilioSignature.verify(
                        "token", "https://hooks.example.com:8443/webhooks/sms/con_1", params, withoutPort))
                .isFalse();
    }

    @Test
    void portVariantsKeepPathAndQuery() {
        assertThat(TwilioSignature.withAndWithoutDefaultPort("http://h.example/a/b?x=1&y=%20"))
                .containsExactly("http://h.example/a/b?x=1&y=%20", "http://h.example:80/a/b?x=1&y=%20");
        assertThat(TwilioSignature.withAndWithoutDefaultPort("https://h.example:443/a"))
                .containsExactly("https://h.example:443/a", "https://h.example/a");
        assertThat(TwilioSignature.withAndWithoutDefaultPort("not a url")).containsExactly("not a url");
    }
}
