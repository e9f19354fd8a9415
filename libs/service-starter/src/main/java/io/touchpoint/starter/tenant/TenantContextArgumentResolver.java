package io.touchpoint.starter.tenant;

import io.touchpoint.starter.problem.ProblemException;
import io.touchpoint.tenancy.TenantContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method declare a {@link TenantContext} parameter and receive the verified context. */
public class TenantContextArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return TenantContext.class.equals(parameter.getParameterType());
    }

    @Override
    public TenantContext resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Object context = webRequest.getAttribute(TenantContextFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (context instanceof TenantContext tenantContext) {
            return tenantContext;
        }
        // A controller asked for a tenant on a path the tenant filter does not protect.
        throw new ProblemException(
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "The request has no tenant context; call the API through the gateway.");
    }
}
