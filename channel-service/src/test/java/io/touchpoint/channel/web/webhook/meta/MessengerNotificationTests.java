package io.touchpoint.channel.web.webhook.meta;

import static io.touchpoint.channel.web.webhook.meta.WhatsAppNotificationTests.bytes;
import static io.touchpoint.channel.web.webhook.meta.WhatsAppNotificationTests.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.application.outbound.DeliveryReceipt;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessengerNotificationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void readsAMessengerMessageWithItsAttachmentAndLeavesOutThePagesEcho() {
        MetaEvents events =
                MessengerNotification.parse(resource("messenger/message.json"), Channel.MESSENGER, null, NOW);

        assertThat(events.messages()).hasSize(1);
        InboundMessage message = events.messages().get(0);
        assertThat(message.channel()).isEqualTo(Channel.MESSENGER);
        assertThat(message.providerMessageId())
                .isEqualTo("m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P");
        assertThat(message.customer()).isEqualTo(Handle.of(Handle.Kind.MESSENGER, "6782341923047561"));
        assertThat(message.content().text()).isEqualTo("Here is a photo of the damaged item");
        assertThat(message.thread().inReplyTo())
                .isEqualTo("m_1fTq8oLumEyIp3Q2MR-aY7IfLZDamVrALniheU_Qz2wN-WBB7zkkmZCoX8i5NrBfqDpmMqwJZnxWqSe3xqKz3Yg");
        assertThat(message.content().attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("449207891_1199882_n.jpg");
            assertThat(attachment.contentType()).isEqualTo("image/jpeg");
            assertThat(attachment.url().getHost()).isEqualTo("scontent.xx.fbcdn.net");
        });
        assertThat(message.metadata()).containsEntry("pageId", "112233445566778");
        assertThat(events.receipts()).isEmpty();
    }

    @Test
    void readsAnInstagramMessageAsAnInstagramHandle() {
        MetaEvents events =
                MessengerNotification.parse(resource("instagram/message.json"), Channel.INSTAGRAM, null, NOW);

        assertThat(events.messages()).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(Channel.INSTAGRAM);
            assertThat(message.customer()).isEqualTo(Handle.of(Handle.Kind.INSTAGRAM, "1398475029384751"));
            assertThat(message.content().text()).isEqualTo("Is the blue one back in stock?");
            assertThat(message.metadata()).containsEntry("instagramAccountId", "17841405822304914");
        });
    }

    @Test
    void deliveriesBecomeReceiptsAndAReadWithOnlyAWatermarkIsLeftOut() {
        MetaEvents events =
                MessengerNotification.parse(resource("messenger/delivery-and-read.json"), Channel.MESSENGER, null, NOW);

        assertThat(events.messages()).isEmpty();
        assertThat(events.receipts())
                .containsExactly(new DeliveryReceipt(
                        "m_1fTq8oLumEyIp3Q2MR-aY7IfLZDamVrALniheU_Qz2wN-WBB7zkkmZCoX8i5NrBfqDpmMqwJZnxWqSe3xqKz3Yg",
                        DeliveryStatus.DELIVERED,
                        null,
                        null,
                        Instant.ofEpochMilli(1750263799000L)));
    }

    @Test
    void anInstagramReadNamesTheMessageItRead() {
        MetaEvents events = MessengerNotification.parse(resource("instagram/read.json"), Channel.INSTAGRAM, null, NOW);

        assertThat(events.receipts()).singleElement().satisfies(receipt -> {
            assertThat(receipt.status()).isEqualTo(DeliveryStatus.READ);
            assertThat(receipt.providerMessageId()).startsWith("aWdfZAG1faXRlbToxOklHTWVzc2FnZAUl");
        });
    }

    @Test
    void entriesOfAnotherPageAreLeftOut() {
        assertThat(MessengerNotification.parse(resource("messenger/message.json"), Channel.MESSENGER, "1", NOW)
                        .messages())
                .isEmpty();
    }

    @Test
    void payloadsOfTheWrongObjectOrWithoutIdsAreMalformed() {
        String page = new String(resource("messenger/message.json"), java.nio.charset.StandardCharsets.UTF_8);
        for (String body : new String[] {
            "{not json",
            page.replace("\"object\": \"page\"", "\"object\": \"instagram\""),
            page.replace(
                    "\"mid\": \"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P\",",
                    ""),
            page.replaceFirst("\"id\": \"6782341923047561\"", "\"name\": \"x\""),
        }) {
            assertThatThrownBy(() -> MessengerNotification.parse(bytes(body), Channel.MESSENGER, null, NOW))
                    .isInstanceOf(MalformedPayloadException.class);
        }
    }
}
