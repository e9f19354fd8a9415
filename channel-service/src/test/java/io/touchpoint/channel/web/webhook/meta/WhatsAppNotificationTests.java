package io.touchpoint.channel.web.webhook.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.application.outbound.DeliveryReceipt;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhatsAppNotificationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void readsATextMessageWithItsSenderAndTheMessageItRepliesTo() {
        MetaEvents events = WhatsAppNotification.parse(resource("whatsapp/text-message.json"), null, NOW);

        assertThat(events.receipts()).isEmpty();
        assertThat(events.messages()).hasSize(1);
        InboundMessage message = events.messages().get(0);
        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(message.providerMessageId())
                .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
        assertThat(message.customer()).isEqualTo(new Handle(Handle.Kind.PHONE, "+16505551234", "Sheena Nelson"));
        assertThat(message.content().text()).isEqualTo("Does it come in another color?");
        assertThat(message.thread().inReplyTo())
                .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA");
        assertThat(message.metadata())
                .containsEntry("phoneNumberId", "106540352242922")
                .containsEntry("sentAt", "2025-06-08T20:59:43Z");
        assertThat(message.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void readsEveryMessageOfAPostAndLeavesOutReactions() {
        MetaEvents events = WhatsAppNotification.parse(resource("whatsapp/several-messages.json"), null, NOW);

        assertThat(events.messages()).hasSize(3);
        InboundMessage image = events.messages().get(0);
        assertThat(image.content().text()).isEqualTo("The box was damaged");
        assertThat(image.content().attachments())
                .containsExactly(new Attachment(
                        "image-1003383421387256",
                        "image/jpeg",
                        0,
                        URI.create("https://graph.facebook.com/1003383421387256")));
        InboundMessage document = events.messages().get(1);
        assertThat(document.customer()).isEqualTo(new Handle(Handle.Kind.PHONE, "+447700900123", "Pablo Morales"));
        assertThat(document.content().attachments()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("invoice-2291.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
        });
        InboundMessage button = events.messages().get(2);
        assertThat(button.content().text()).isEqualTo("Refund please");
        assertThat(button.metadata()).containsEntry("replyId", "refund");
        assertThat(button.thread().inReplyTo()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTFBRjI4NTk4OTM2RTNFNTEA");
    }

    @Test
    void statusesBecomeDeliveryReceipts() {
        MetaEvents events = WhatsAppNotification.parse(resource("whatsapp/statuses.json"), null, NOW);

        assertThat(events.messages()).isEmpty();
        String sent = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI4QUE0NjEwNjE1NUM0QkU3QjQA";
        assertThat(events.receipts())
                .containsExactly(
                        new DeliveryReceipt(sent, DeliveryStatus.SENT, null, null, Instant.ofEpochSecond(1750263771)),
                        new DeliveryReceipt(
                                sent, DeliveryStatus.DELIVERED, null, null, Instant.ofEpochSecond(1750263773)),
                        new DeliveryReceipt(sent, DeliveryStatus.READ, null, null, Instant.ofEpochSecond(1750263790)),
                        new DeliveryReceipt(
                                "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFRkI3RDk5QzE1RDg5NkQ5MEMA",
                                DeliveryStatus.FAILED,
                                "131047",
                                "Re-engagement message: Message failed to send because more than 24 hours have passed"
                                        + " since the customer last replied to this number.",
                                Instant.ofEpochSecond(1750263800)));
    }

    @Test
    void changesForAnotherPhoneNumberOfTheAppAreLeftOut() {
        assertThat(WhatsAppNotification.parse(resource("whatsapp/text-message.json"), "999", NOW)
                        .messages())
                .isEmpty();
        assertThat(WhatsAppNotification.parse(resource("whatsapp/text-message.json"), "106540352242922", NOW)
                        .messages())
                .hasSize(1);
    }

    @Test
    void otherFieldsAreLeftOutWithoutFailing() {
        String templateUpdate =
                """
                {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field":
                 "message_template_status_update", "value": {"event": "APPROVED", "message_template_id": 1}}]}]}""";

        MetaEvents events = WhatsAppNotification.parse(bytes(templateUpdate), null, NOW);

        assertThat(events.messages()).isEmpty();
        assertThat(events.receipts()).isEmpty();
    }

    @Test
    void payloadsThatAreNotWhatsAppNotificationsAreMalformed() {
        String text = new String(resource("whatsapp/text-message.json"), StandardCharsets.UTF_8);
        for (String body : new String[] {
            "{not json",
            "",
            "[]",
            "{\"object\": \"page\", \"entry\": []}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": \"x\"}",
            text.replace("\"from\": \"16505551234\"", "\"from\": \"not-a-number\""),
            text.replace("\"id\": \"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=\",", ""),
        }) {
            assertThatThrownBy(() -> WhatsAppNotification.parse(bytes(body), null, NOW))
                    .as(body)
                    .isInstanceOf(MalformedPayloadException.class);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = WhatsAppNotificationTests.class.getResourceAsStream("/webhooks/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
