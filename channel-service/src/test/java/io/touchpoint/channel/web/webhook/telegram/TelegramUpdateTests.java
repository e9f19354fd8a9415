package io.touchpoint.channel.web.webhook.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelegramUpdateTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void readsAPrivateMessageThatRepliesToTheBot() {
        InboundMessage message =
                TelegramUpdate.parse(resource("message.json")).toInbound(NOW).orElseThrow();

        assertThat(message.channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(message.providerMessageId()).isEqualTo("5520134872:1365");
        assertThat(message.customer()).isEqualTo(new Handle(Handle.Kind.TELEGRAM, "5520134872", "Ada Lovelace"));
        assertThat(message.content().text()).isEqualTo("Hello, I need help with my subscription");
        assertThat(message.thread().inReplyTo()).isEqualTo("5520134872:1360");
        assertThat(message.language()).isEqualTo("en");
        assertThat(message.metadata())
                .containsEntry("updateId", "483920177")
                .containsEntry("chatType", "private")
                .containsEntry("sentAt", "2025-06-18T16:24:00Z");
    }

    @Test
    void aPhotoIsTakenWithItsCaption() {
        InboundMessage message =
                TelegramUpdate.parse(resource("photo.json")).toInbound(NOW).orElseThrow();

        assertThat(message.content().text()).isEqualTo("The screen shows this error");
        assertThat(message.metadata()).containsEntry("media", "photo");
        assertThat(message.customer().displayName()).isEqualTo("Ada");
    }

    @Test
    void updatesThatAreNotNewMessagesAreLeftOut() {
        assertThat(TelegramUpdate.parse(resource("edited-message.json")).toInbound(NOW))
                .isEmpty();
        assertThat(TelegramUpdate.parse(bytes(
                                "{\"update_id\": 1, \"message\": {\"message_id\": 5, \"chat\": {\"id\": 7, \"type\":"
                                        + " \"group\"}, \"new_chat_members\": [{\"id\": 9, \"is_bot\": false,"
                                        + " \"first_name\": \"Bo\"}]}}"))
                        .toInbound(NOW))
                .isEmpty();
    }

    @Test
    void bodiesThatAreNotUpdatesAreMalformed() {
        for (String body : new String[] {
            "{not json", "", "{}", "{\"update_id\": \"x\"}", "{\"update_id\": 1, \"message\": {\"text\": \"no chat\"}}"
        }) {
            assertThatThrownBy(() -> TelegramUpdate.parse(bytes(body)).toInbound(NOW))
                    .as(body)
                    .isInstanceOf(MalformedPayloadException.class);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = TelegramUpdateTests.class.getResourceAsStream("/webhooks/telegram/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
