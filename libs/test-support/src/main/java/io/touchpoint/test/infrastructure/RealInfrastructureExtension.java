package io.touchpoint.test.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.lang.reflect.Constructor;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;

/**
 * Gives test and lifecycle methods of a {@link RealInfrastructure @RealInfrastructure} class what they need to talk to
 * the class's virtual host and database, with or without Spring:
 *
 * <ul>
 *   <li>{@link TestVirtualHost}, {@link TestDatabase}: the class's own virtual host and database;
 *   <li>{@link RabbitEndpoint}, {@link MongoEndpoint}: the servers of this JVM;
 *   <li>{@link ConnectionFactory}: a new amqp-client factory for the class's virtual host;
 *   <li>{@link Connection}: the one amqp-client connection this JVM keeps open to that virtual host;
 *   <li>{@link Channel}: a new channel on that connection, closed after the method's scope (test or class);
 *   <li>{@link MongoDatabase}: the class's database, through the one {@link MongoClient} this JVM keeps open.
 * </ul>
 *
 * Parameters Spring autowires ({@code @Autowired}, {@code @Qualifier}, {@code @Value}) are left to Spring.
 */
public class RealInfrastructureExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(RealInfrastructureExtension.class);

    private static final Set<Class<?>> SUPPORTED = Set.of(
            TestVirtualHost.class,
            TestDatabase.class,
            RabbitEndpoint.class,
            MongoEndpoint.class,
            ConnectionFactory.class,
            Connection.class,
            Channel.class,
            MongoClient.class,
            MongoDatabase.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SUPPORTED.contains(parameter.getParameter().getType()) && !leftToSpring(parameter);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Class<?> testClass = context.getRequiredTestClass();
        try {
            if (type == TestVirtualHost.class) {
                return TestInfrastructure.virtualHostFor(testClass);
            }
            if (type == TestDatabase.class) {
                return TestInfrastructure.databaseFor(testClass);
            }
            if (type == RabbitEndpoint.class) {
                return TestInfrastructure.rabbit();
            }
            if (type == MongoEndpoint.class) {
                return TestInfrastructure.mongo();
            }
            if (type == ConnectionFactory.class) {
                return TestInfrastructure.virtualHostFor(testClass).connectionFactory();
            }
            if (type == Connection.class) {
                return sharedConnection(context, testClass);
            }
            if (type == Channel.class) {
                return newChannel(context, testClass);
            }
            if (type == MongoClient.class) {
                return sharedMongoClient(context);
            }
            return sharedMongoClient(context)
                    .getDatabase(TestInfrastructure.databaseFor(testClass).name());
        } catch (Exception e) {
            throw new ParameterResolutionException("Could not provide a " + type.getSimpleName(), e);
        }
    }

    private static Connection sharedConnection(ExtensionContext context, Class<?> testClass) {
        TestVirtualHost virtualHost = TestInfrastructure.virtualHostFor(testClass);
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "connection:" + virtualHost.name(),
                        key -> new SharedConnection(open(virtualHost)),
                        SharedConnection.class)
                .connection();
    }

    private static Channel newChannel(ExtensionContext context, Class<?> testClass) throws Exception {
        Channel channel = sharedConnection(context, testClass).createChannel();
        context.getStore(NAMESPACE).put(new Object(), (AutoCloseable) () -> {
            if (channel.isOpen()) {
                channel.close();
            }
        });
        return channel;
    }

    private static MongoClient sharedMongoClient(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "mongoClient",
                        key -> new SharedMongoClient(
                                MongoClients.create(TestInfrastructure.mongo().connectionString())),
                        SharedMongoClient.class)
                .client();
    }

    private static Connection open(TestVirtualHost virtualHost) {
        try {
            return virtualHost.connectionFactory().newConnection("touchpoint-tests");
        } catch (Exception e) {
            throw new IllegalStateException("Could not connect to " + virtualHost, e);
        }
    }

    private static boolean leftToSpring(ParameterContext parameter) {
        if (parameter.isAnnotated(Autowired.class)
                || parameter.isAnnotated(Qualifier.class)
                || parameter.isAnnotated(Value.class)) {
            return true;
        }
        return parameter.getDeclaringExecutable() instanceof Constructor<?> constructor
                && constructor.isAnnotationPresent(Autowired.class);
    }

    private record SharedConnection(Connection connection) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (connection.isOpen()) {
                connection.close();
            }
        }
    }

    private record SharedMongoClient(MongoClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}
