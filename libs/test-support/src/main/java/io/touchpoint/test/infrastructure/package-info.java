/**
 * Real RabbitMQ and MongoDB for tests, resolved once per JVM as ARCHITECTURE.md "Testing against real parts" says, with
 * a virtual host and a database of their own for each test class. Start at {@link
 * io.touchpoint.test.infrastructure.RealInfrastructure}.
 */
package io.touchpoint.test.infrastructure;
