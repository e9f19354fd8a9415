/** {@code @ConfigurationProperties} records (prefix {@code touchpoint.ticket}) and wiring that belongs to no single layer. */
package io.touchpoint.ticket.config;
