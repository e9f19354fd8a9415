/** Use cases (ChannelManagement and friends) and their command records; orchestrates the domain, knows no HTTP, AMQP or MongoDB types. */
package io.touchpoint.channel.application;
