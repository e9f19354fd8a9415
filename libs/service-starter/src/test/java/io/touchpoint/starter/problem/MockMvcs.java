package io.touchpoint.starter.problem;

import jakarta.servlet.Filter;
import java.util.Comparator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** MockMvc over a runner's context, with the servlet filters the context registers, in their order. */
public final class MockMvcs {

    private MockMvcs() {}

    public static MockMvc from(WebApplicationContext context) {
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
        context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .sorted(Comparator.comparingInt(FilterRegistrationBean::getOrder))
                .forEach(registration -> builder.addFilter((Filter) registration.getFilter()));
        return builder.build();
    }
}
