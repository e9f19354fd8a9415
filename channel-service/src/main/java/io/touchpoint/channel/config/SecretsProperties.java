package io.touchpoint.channel.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How provider credentials and webhook secrets are protected at rest.
 *
 * @param key the key connection secrets are encrypted with (AES-256-GCM, derived with SHA-256); no default, so a
 *     service never runs with a key everyone knows. Changing it makes stored secrets unreadable.
 */
@Validated
@ConfigurationProperties("touchpoint.channel.secrets")
public record SecretsProperties(@NotBlank @Size(min = 32) String key) {}
