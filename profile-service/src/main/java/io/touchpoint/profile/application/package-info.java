/** Use cases (ProfileManagement and friends) and their command records; orchestrates the domain, knows no HTTP, AMQP or MongoDB types. */
package io.touchpoint.profile.application;
