package io.touchpoint.channel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** channel-service: owns channel connections and secrets, inbound and outbound messages, delivery status and partner webhooks. */
@SpringBootApplication
public class ChannelServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelServiceApplication.class, args);
    }
}
