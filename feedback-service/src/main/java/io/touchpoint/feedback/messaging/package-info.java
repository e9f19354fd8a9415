/** Consumers and producers of engagement events; depends on application and domain only. */
package io.touchpoint.feedback.messaging;
