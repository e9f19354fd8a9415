package io.touchpoint.channel.web.webhook.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioInboundSmsTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void readsTwilioInboundSms() {
        InboundMessage message = TwilioInboundSms.parse(form("inbound-sms.txt"), NOW);

        assertThat(message.channel()).isEqualTo(Channel.SMS);
        assertThat(message.providerMessageId()).isEqualTo("SM1f0e8ae6ade43cb3c0ce4525424e404f");
        assertThat(message.customer()).isEqualTo(Handle.of(Handle.Kind.PHONE, "+14155551234"));
        assertThat(message.content().text()).isEqualTo("Hi! My order #42 hasn't arrived – can you check?");
        assertThat(message.content().attachments()).isEmpty();
        assertThat(message.metadata())
                .containsEntry("to", "+14155550100")
                .containsEntry("fromCountry", "US")
                .doesNotContainKey("AccountSid");
        assertThat(message.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void mmsMediaBecomeAttachments() {
        InboundMessage message = TwilioInboundSms.parse(form("inbound-mms.txt"), NOW);

        assertThat(message.providerMessageId()).isEqualTo("MM7b1c6f9b1f3e4a5d8c2b0a9e8d7c6b5a");
        assertThat(message.content().attachments())
                .containsExactly(
                        new Attachment(
                                "ME27be8a708784242c0daee207ff73db67",
                                "image/jpeg",
                                0,
                                URI.create(
                                        "https://api.twilio.com/2010-04-01/Accounts/AC7a2bd0e7e1b1f4f8c3e0a2b3c4d5e6f7"
                                                + "/Messages/MM7b1c6f9b1f3e4a5d8c2b0a9e8d7c6b5a/Media/ME27be8a708784242c0daee207ff73db67")));
    }

    @Test
    void aSenderThatIsNotAnE164NumberIsMalformed() {
        for (String from : List.of("14155551234", "+0123456789", "+1415555123456789", "whatsapp:+14155551234", "")) {
            Map<String, List<String>> form = form("inbound-sms.txt");
            form.put("From", List.of(from));
            assertThatThrownBy(() -> TwilioInboundSms.parse(form, NOW))
                    .as(from)
                    .isInstanceOf(MalformedPayloadException.class)
                    .hasMessageContaining("E.164");
        }
    }

    @Test
    void missingOrInconsistentFieldsAreMalformed() {
        Map<String, List<String>> noSid = form("inbound-sms.txt");
        noSid.remove("MessageSid");
        Map<String, List<String>> noBody = form("inbound-sms.txt");
        noBody.remove("Body");
        Map<String, List<String>> missingMedia = form("inbound-sms.txt");
        missingMedia.put("NumMedia", List.of("2"));
        Map<String, List<String>> badCount = form("inbound-sms.txt");
        badCount.put("NumMedia", List.of("many"));
        Map<String, List<String>> twoSenders = form("inbound-sms.txt");
        twoSenders.put("From", List.of("+14155551234", "+14155559999"));

        for (Map<String, List<String>> form : List.of(noSid, noBody, missingMedia, badCount, twoSenders)) {
            assertThatThrownBy(() -> TwilioInboundSms.parse(form, NOW)).isInstanceOf(MalformedPayloadException.class);
        }
    }

    /** The parameters of a recorded webhook body, as Spring hands them to the controller. */
    static Map<String, List<String>> form(String resource) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body(resource).split("&")) {
            String[] parts = pair.split("=", 2);
            form.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
                    .add(URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String body(String resource) {
        try (InputStream in = TwilioInboundSmsTests.class.getResourceAsStream("/webhooks/twilio/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
