package io.touchpoint.channel.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web chat widget's public API and event streams.
 *
 * @param tokenValidity how long a visitor token stays valid; the widget keeps it to come back to its conversation
 * @param pollInterval how often open streams look in MongoDB for events another replica appended; events appended on
 *     this replica are pushed at once
 * @param heartbeatInterval how long a stream may stay silent before it gets a comment line, so proxies keep it open
 *     and a vanished client is noticed
 */
@Validated
@ConfigurationProperties("touchpoint.channel.web-chat")
public record WebChatProperties(
        @DefaultValue("30d") Duration tokenValidity,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeatInterval) {}
