package io.touchpoint.test.infrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against the real RabbitMQ and MongoDB of this JVM ({@link TestInfrastructure}), in a
 * virtual host and a database that belong to the class alone.
 *
 * <p>On a {@code @SpringBootTest} it sets {@code spring.rabbitmq.*} (host, port, credentials, {@code virtual-host}) and
 * {@code spring.mongodb.uri}/{@code spring.mongodb.database}, and registers the class's {@link TestVirtualHost} and
 * {@link TestDatabase} as beans. On any test it lets test and lifecycle methods take parameters of the types {@link
 * RealInfrastructureExtension} lists.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealInfrastructureExtension.class)
public @interface RealInfrastructure {}
