package io.touchpoint.starter.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class,
                    ErrorMvcAutoConfiguration.class,
                    ProblemDetailsAutoConfiguration.class))
            .withUserConfiguration(TicketsController.class);

    @Test
    void backsOffWhenNotAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .doesNotHaveBean(ProblemExceptionHandler.class)
                        .doesNotHaveBean(RequestIdFilter.class));
    }

    @Test
    void replacesBootsErrorController() {
        runner.run(context -> assertThat(context)
                .hasSingleBean(ProblemErrorController.class)
                .doesNotHaveBean(BasicErrorController.class));
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v1/nothing-here").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://touchpoint.dev/problems/not-found"))
                .andExpect(jsonPath("$.code").value("not_found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not Found"))
                .andExpect(jsonPath("$.detail").value("No endpoint GET /v1/nothing-here."))
                .andExpect(jsonPath("$.instance").value("/v1/nothing-here"))
                .andExpect(jsonPath("$.requestId").isNotEmpty()));
    }

    @Test
    void unsupportedMethodIsAMethodNotAllowedProblem() {
        runner.run(context -> MockMvcs.from(context)
                .perform(delete("/v1/tickets"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("POST")))
                .andExpect(jsonPath("$.code").value("method_not_allowed"))
                .andExpect(jsonPath("$.type").value("https://touchpoint.dev/problems/method-not-allowed")));
    }

    @Test
    void unsupportedContentTypeIsAnUnsupportedMediaTypeProblem() {
        runner.run(context -> MockMvcs.from(context)
                .perform(post("/v1/tickets").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("unsupported_media_type")));
    }

    @Test
    void invalidFieldsAreAValidationProblemListingEachField() {
        runner.run(context -> MockMvcs.from(context)
                .perform(post("/v1/tickets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \" \", \"priority\": -1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://touchpoint.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.title").value("Validation failed"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'subject')].message").value("must not be blank"))
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'priority')].message").value("must be greater than 0")));
    }

    @Test
    void unreadableBodyIsAMalformedBodyProblem() {
        runner.run(context -> MockMvcs.from(context)
                .perform(post("/v1/tickets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_body"))
                .andExpect(jsonPath("$.type").value("https://touchpoint.dev/problems/malformed-body")));
    }

    @Test
    void problemExceptionsKeepTheirStatusCodeAndDetail() {
        runner.run(context -> MockMvcs.from(context)
                .perform(post("/v1/tickets/tkt_1/escalate"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("invalid_transition"))
                .andExpect(jsonPath("$.type").value("https://touchpoint.dev/problems/invalid-transition"))
                .andExpect(jsonPath("$.detail").value("A closed ticket cannot be escalated."))
                .andExpect(jsonPath("$.instance").value("/v1/tickets/tkt_1/escalate")));
    }

    @Test
    void notFoundExceptionIsANotFoundProblem() {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v1/tickets/tkt_other_tenant"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"))
                .andExpect(jsonPath("$.detail").value("No ticket tkt_other_tenant.")));
    }

    @Test
    void unexpectedErrorIsLoggedWithTheRequestIdAndHiddenFromTheCaller(CapturedOutput output) {
        runner.run(context -> {
            MvcResult result = MockMvcs.from(context)
                    .perform(get("/v1/tickets/boom").header(RequestId.HEADER, "req_boom123"))
                    .andExpect(status().isInternalServerError())
                    .andExpect(header().string(RequestId.HEADER, "req_boom123"))
                    .andExpect(jsonPath("$.code").value("internal_error"))
                    .andExpect(jsonPath("$.requestId").value("req_boom123"))
                    .andExpect(jsonPath("$.detail", containsString("req_boom123")))
                    .andReturn();
            String body = result.getResponse().getContentAsString();
            assertThat(body).doesNotContain("database password", "IllegalStateException", "at io.touchpoint", "trace");
            assertThat(output)
                    .contains("ERROR")
                    .contains("requestId=req_boom123")
                    .contains("database password");
        });
    }

    @Test
    void echoesTheCallersRequestIdOrMakesOneUp() {
        runner.run(context -> {
            MockMvc mvc = MockMvcs.from(context);
            mvc.perform(get("/v1/nothing").header(RequestId.HEADER, "req_from_gateway"))
                    .andExpect(header().string(RequestId.HEADER, "req_from_gateway"))
                    .andExpect(jsonPath("$.requestId").value("req_from_gateway"));
            mvc.perform(get("/v1/nothing").header(RequestId.HEADER, "evil\nlog line"))
                    .andExpect(header().string(RequestId.HEADER, matchesPattern("req_[a-z0-9]{24}")));
            mvc.perform(get("/v1/nothing"))
                    .andExpect(header().string(RequestId.HEADER, matchesPattern("req_[a-z0-9]{24}")));
        });
    }

    @Test
    void errorsForwardedByTheContainerAreProblemsToo() {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/v1/attachments")
                        .requestAttr(RequestDispatcher.ERROR_MESSAGE, "secret internal message"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("payload_too_large"))
                .andExpect(jsonPath("$.instance").value("/v1/attachments"))
                .andExpect(content().string(not(containsString("secret internal message")))));
    }

    @Test
    void serverErrorsForwardedByTheContainerHideTheException(CapturedOutput output) {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/error")
                        .header(RequestId.HEADER, "req_filter_failed")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("filter broke")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("internal_error"))
                .andExpect(jsonPath("$.requestId").value("req_filter_failed"))
                .andExpect(content().string(not(containsString("filter broke")))));
        assertThat(output).contains("requestId=req_filter_failed");
    }

    @Test
    void aServicesOwnAdviceWins() {
        runner.withUserConfiguration(ServiceAdvice.class).run(context -> MockMvcs.from(context)
                .perform(get("/v1/tickets/boom"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("ticket_store_down")));
    }

    record CreateTicketRequest(@NotBlank String subject, @Positive int priority) {}

    @RestController
    static class TicketsController {

        @PostMapping("/v1/tickets")
        String create(@Valid @RequestBody CreateTicketRequest request) {
            return "created";
        }

        @GetMapping("/v1/tickets/boom")
        String boom() {
            throw new IllegalStateException("database password is hunter2");
        }

        @GetMapping("/v1/tickets/tkt_other_tenant")
        String otherTenant() {
            throw new NotFoundException("No ticket tkt_other_tenant.");
        }

        @PostMapping("/v1/tickets/tkt_1/escalate")
        String escalate() {
            throw new ConflictException("invalid_transition", "A closed ticket cannot be escalated.");
        }
    }

    @RestControllerAdvice
    static class ServiceAdvice {

        @ExceptionHandler(IllegalStateException.class)
        ProblemDetail storeDown(IllegalStateException e) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "ticket_store_down", "Try again later.");
        }
    }
}
