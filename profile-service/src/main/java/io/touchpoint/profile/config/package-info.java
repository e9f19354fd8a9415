/** {@code @ConfigurationProperties} records (prefix {@code touchpoint.profile}) and wiring that belongs to no single layer. */
package io.touchpoint.profile.config;
