/** {@code @ConfigurationProperties} records (prefix {@code touchpoint.feedback}) and wiring that belongs to no single layer. */
package io.touchpoint.feedback.config;
