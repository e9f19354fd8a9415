package io.touchpoint.channel.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailAuthenticationResultsTests {

    private final EmailAuthenticationResults anyServer = new EmailAuthenticationResults(List.of());

    private final EmailAuthenticationResults behindAcmeMx = new EmailAuthenticationResults(List.of("MX.acme.example"));

    @Test
    void theTopmostHeaderCountsWhenNoServerIsNamed() {
        Map<String, String> verdicts = anyServer.of(
                List.of(
                        "mx.acme.example; spf=softfail smtp.mailfrom=ceo@bank.example; dkim=none; dmarc=fail",
                        "forger.example; spf=pass; dkim=pass; dmarc=pass"),
                List.of());

        assertThat(verdicts)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("spf", "softfail", "dkim", "none", "dmarc", "fail", "authservId", "mx.acme.example"));
    }

    @Test
    void headersOfUntrustedServersAreIgnored() {
        Map<String, String> verdicts = behindAcmeMx.of(
                List.of("forger.example; spf=pass; dkim=pass; dmarc=pass", "mx.acme.example; spf=fail; dmarc=fail"),
                List.of("pass receiver=forger.example;"));

        assertThat(verdicts)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("spf", "fail", "dmarc", "fail", "authservId", "mx.acme.example"));
    }

    @Test
    void aMessageIsDkimAuthenticatedWhenAnySignatureVerifies() {
        Map<String, String> verdicts = anyServer.of(
                List.of("mx.acme.example; dkim=fail header.d=list.example; dkim=pass header.d=example.org"), List.of());

        assertThat(verdicts).containsEntry("dkim", "pass");
    }

    @Test
    void commentsAndFoldedLinesDoNotConfuseTheReading() {
        Map<String, String> verdicts = anyServer.of(
                List.of("mx.acme.example (Postfix; version 3.8);\r\n\tspf=pass (sender IP is 192.0.2.10; ok)"
                        + " smtp.mailfrom=example.org;\r\n\tdkim/1=pass (2048-bit key) header.d=example.org"),
                List.of());

        assertThat(verdicts)
                .containsEntry("spf", "pass")
                .containsEntry("dkim", "pass")
                .containsEntry("authservId", "mx.acme.example");
    }

    @Test
    void receivedSpfFillsInWhenAuthenticationResultsHaveNoSpf() {
        assertThat(anyServer.of(
                        List.of("mx.acme.example; dkim=pass"),
                        List.of("Fail (mx.acme.example: domain of x@bank.example does not designate 198.51.100.7)"
                                + " client-ip=198.51.100.7; receiver=mx.acme.example;")))
                .containsEntry("spf", "fail")
                .containsEntry("dkim", "pass");
        assertThat(behindAcmeMx.of(
                        List.of(), List.of("pass receiver=forger.example;", "softfail receiver=mx.acme.example;")))
                .containsExactlyEntriesOf(Map.of("spf", "softfail"));
    }

    @Test
    void noVerdictsNoMetadata() {
        assertThat(anyServer.of(List.of("mx.acme.example; none"), List.of())).isEmpty();
        assertThat(anyServer.of(List.of(), List.of())).isEmpty();
    }
}
