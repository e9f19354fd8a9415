/** Use cases (FeedbackManagement and friends) and their command records; orchestrates the domain, knows no HTTP, AMQP or MongoDB types. */
package io.touchpoint.feedback.application;
