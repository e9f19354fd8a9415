package io.touchpoint.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherSettingsTests {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsMatchThePlatformsPorts() {
        LauncherSettings settings = LauncherSettings.from(ROOT, Map.of());
        assertThat(settings.allApps())
                .extracting(App::name, App::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("profile-service", 8081),
                        org.assertj.core.groups.Tuple.tuple("channel-service", 8082),
                        org.assertj.core.groups.Tuple.tuple("ticket-service", 8083),
                        org.assertj.core.groups.Tuple.tuple("feedback-service", 8084),
                        org.assertj.core.groups.Tuple.tuple("gateway", 8080));
        assertThat(settings.gatewayManagementPort()).isEqualTo(8090);
        assertThat(settings.mongoPort()).isEqualTo(27018);
        assertThat(settings.externalMongoUri()).isNull();
        assertThat(settings.externalRabbitHost()).isNull();
        assertThat(settings.stateDirectory()).isEqualTo(ROOT.resolve(".touchpoint"));
    }

    @Test
    void environmentOverridesPortsAndInfrastructure() {
        LauncherSettings settings = LauncherSettings.from(
                ROOT,
                Map.of(
                        "TOUCHPOINT_GATEWAY_PORT", "9080",
                        "TOUCHPOINT_GATEWAY_MANAGEMENT_PORT", "9090",
                        "TOUCHPOINT_TICKET_PORT", "9083",
                        "MONGODB_URI", "mongodb://db:27017",
                        "RABBITMQ_HOST", "broker",
                        "TOUCHPOINT_JAVA_OPTS", " -Xmx512m  -Dfoo=bar "));
        assertThat(settings.gateway().port()).isEqualTo(9080);
        assertThat(settings.gatewayManagementPort()).isEqualTo(9090);
        assertThat(settings.services()).extracting(App::port).contains(9083);
        assertThat(settings.externalMongoUri()).isEqualTo("mongodb://db:27017");
        assertThat(settings.externalRabbitHost()).isEqualTo("broker");
        assertThat(settings.extraJavaOptions()).containsExactly("-Xmx512m", "-Dfoo=bar");
    }

    @Test
    void printedMongoUrisHideCredentials() {
        assertThat(TouchpointLauncher.withoutCredentials("mongodb://app:s3cret@db1:27017,db2:27017/x?replicaSet=rs0"))
                .isEqualTo("mongodb://***@db1:27017,db2:27017/x?replicaSet=rs0");
        assertThat(TouchpointLauncher.withoutCredentials("mongodb://127.0.0.1:27018"))
                .isEqualTo("mongodb://127.0.0.1:27018");
    }

    @Test
    void classDataSharingIsOnUnlessTurnedOff() {
        assertThat(LauncherSettings.from(ROOT, Map.of()).classDataSharing()).isTrue();
        assertThat(LauncherSettings.from(ROOT, Map.of("TOUCHPOINT_CDS", "false"))
                        .classDataSharing())
                .isFalse();
    }

    @Test
    void unknownBrokerModeIsRejected() {
        assertThatThrownBy(() -> LauncherSettings.from(ROOT, Map.of("TOUCHPOINT_BROKER", "kafka")))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("auto, rabbitmq, embedded");
    }

    @Test
    void nonNumericPortIsRejectedByName() {
        assertThatThrownBy(() -> LauncherSettings.from(ROOT, Map.of("TOUCHPOINT_MONGO_PORT", "mongo")))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("TOUCHPOINT_MONGO_PORT=mongo");
    }

    @Test
    void gatewayFindsEachServiceThroughItsUriVariable() {
        LauncherSettings settings = LauncherSettings.from(ROOT, Map.of());
        assertThat(settings.services())
                .extracting(TouchpointLauncher::uriVariable)
                .containsExactly(
                        "PROFILE_SERVICE_URI", "CHANNEL_SERVICE_URI", "TICKET_SERVICE_URI", "FEEDBACK_SERVICE_URI");
    }
}
