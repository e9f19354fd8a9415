package io.touchpoint.test.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.touchpoint.test.infrastructure.MongoEndpoint.Kind;
import org.junit.jupiter.api.Test;

class MongoEndpointTests {

    @Test
    void databaseBecomesThePath() {
        assertThat(new MongoEndpoint("mongodb://127.0.0.1:27017", Kind.EMBEDDED).uri("t_a"))
                .isEqualTo("mongodb://127.0.0.1:27017/t_a");
    }

    @Test
    void databaseReplacesTheOneInTheBaseAndOptionsStay() {
        assertThat(new MongoEndpoint("mongodb://h1:27017,h2:27017/test?replicaSet=rs0", Kind.ENVIRONMENT).uri("t_a"))
                .isEqualTo("mongodb://h1:27017,h2:27017/t_a?replicaSet=rs0");
    }

    @Test
    void credentialsKeepAuthenticatingAgainstAdmin() {
        assertThat(new MongoEndpoint("mongodb://user:p%40ss@h:27017/?tls=true", Kind.ENVIRONMENT).uri("t_a"))
                .isEqualTo("mongodb://user:p%40ss@h:27017/t_a?tls=true&authSource=admin");
    }

    @Test
    void credentialsKeepAuthenticatingAgainstTheBaseDatabase() {
        assertThat(new MongoEndpoint("mongodb://user:pw@h/accounts", Kind.ENVIRONMENT).uri("t_a"))
                .isEqualTo("mongodb://user:pw@h/t_a?authSource=accounts");
    }

    @Test
    void givenAuthSourceIsKept() {
        assertThat(new MongoEndpoint("mongodb+srv://user:pw@cluster.example/?authSource=ops", Kind.ENVIRONMENT)
                        .uri("t_a"))
                .isEqualTo("mongodb+srv://user:pw@cluster.example/t_a?authSource=ops");
    }

    @Test
    void passwordStaysOutOfToString() {
        assertThat(new MongoEndpoint("mongodb://user:secret@h:27017", Kind.ENVIRONMENT).toString())
                .doesNotContain("secret")
                .contains("h:27017");
    }

    @Test
    void somethingElseIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MongoEndpoint("http://h:27017", Kind.ENVIRONMENT));
    }
}
