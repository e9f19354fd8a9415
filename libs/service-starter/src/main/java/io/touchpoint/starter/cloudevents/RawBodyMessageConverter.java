package io.touchpoint.starter.cloudevents;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.SmartMessageConverter;

/**
 * Hands a {@code Consumer<Message<byte[]>>} stream function the body it received, as is. Every Touchpoint consumer
 * reads its events with {@link CloudEventReader}, from the raw body. Without this converter Spring Cloud Function
 * first offers a JSON body to its JSON converter, which tries to read a JSON object as a {@code byte[]}, fails
 * (two exceptions per message), and only then passes the message on unconverted: a wasted parse on every message
 * consumed. Registered ahead of the built-in converters; it never converts anything else, and never writes.
 */
final class RawBodyMessageConverter implements SmartMessageConverter {

    @Override
    public Object fromMessage(Message<?> message, Class<?> targetClass) {
        return targetClass == byte[].class && message.getPayload() instanceof byte[] body ? body : null;
    }

    @Override
    public Object fromMessage(Message<?> message, Class<?> targetClass, Object conversionHint) {
        return fromMessage(message, targetClass);
    }

    @Override
    public Message<?> toMessage(Object payload, MessageHeaders headers) {
        return null;
    }

    @Override
    public Message<?> toMessage(Object payload, MessageHeaders headers, Object conversionHint) {
        return null;
    }
}
