/** {@code @ConfigurationProperties} records (prefix {@code touchpoint.channel}) and wiring that belongs to no single layer. */
package io.touchpoint.channel.config;
