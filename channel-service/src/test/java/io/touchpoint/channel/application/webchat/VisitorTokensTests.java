package io.touchpoint.channel.application.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.channel.domain.webchat.ChatConversation;
import io.touchpoint.events.Handle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VisitorTokensTests {

    private static final String SECRET = "web-chat-tests-secrets-key-0123456789abcdef";

    private static final Instant NOW = Instant.parse("2026-11-22T14:03:00Z");

    private final VisitorTokens tokens = tokens(SECRET, NOW);

    private final ChatConversation conversation = new ChatConversation(
            "cnv_01jd0000000000000000000000",
            "tenant_a",
            "con_01jd0000000000000000000000",
            Handle.of(Handle.Kind.WEB_VISITOR, "vis_01jd0000000000000000000000"),
            false,
            NOW);

    @Test
    void issuedTokenVerifiesToWhatItBinds() {
        VisitorToken verified = tokens.verify(tokens.issue(conversation));

        assertThat(verified)
                .isEqualTo(new VisitorToken(
                        "tenant_a",
                        "con_01jd0000000000000000000000",
                        "cnv_01jd0000000000000000000000",
                        "vis_01jd0000000000000000000000",
                        NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void tokenIsVersionPayloadAndSignatureInBase64Url() {
        String token = tokens.issue(conversation);

        assertThat(token).matches("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void changedPayloadIsRefused() {
        String[] parts = tokens.issue(conversation).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("cnv_01jd", "cnv_01je").getBytes(StandardCharsets.UTF_8));

        assertRefused(parts[0] + "." + forged + "." + parts[2], "invalid signature");
    }

    @Test
    void tokenOfAnotherKeyIsRefused() {
        String token = tokens(SECRET + "-other", NOW).issue(conversation);

        assertRefused(token, "invalid signature");
    }

    @Test
    void expiredTokenIsRefused() {
        String token = tokens.issue(conversation);

        assertThat(tokens(SECRET, NOW.plus(Duration.ofDays(30)).minusSeconds(1)).verify(token))
                .isNotNull();
        assertRefused(tokens(SECRET, NOW.plus(Duration.ofDays(30))), token, "expired");
    }

    @Test
    void missingOrMalformedTokensAreRefused() {
        assertRefused(null, "no visitor token");
        assertRefused(" ", "no visitor token");
        assertRefused("v1.abc", "malformed");
        assertRefused("v2.abc.def", "malformed");
        assertRefused("v1.!!!.???", "malformed");
    }

    private void assertRefused(String token, String reason) {
        assertRefused(tokens, token, reason);
    }

    private static void assertRefused(VisitorTokens tokens, String token, String reason) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(InvalidVisitorTokenException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("invalid_token");
                })
                .hasMessageContaining(reason);
    }

    private static VisitorTokens tokens(String secret, Instant now) {
        return new VisitorTokens(secret, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
    }
}
