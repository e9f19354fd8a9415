package io.touchpoint.gateway.ratelimit;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Reads and changes a plan's limits at runtime, without a restart. Authorization (scope {@code admin}) is the
 * authentication filter's job, as for every {@code /v1/admin/**} path.
 */
@RestController
@RequestMapping("/v1/admin/plans/{plan}")
class PlanController {

    private static final Pattern PLAN_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private final RateLimitPlans plans;
    private final RateLimitProperties properties;

    PlanController(RateLimitPlans plans, RateLimitProperties properties) {
        this.plans = plans;
        this.properties = properties;
    }

    @GetMapping
    Mono<PlanResponse> get(@PathVariable String plan) {
        return storeAvailable(plans.current(checked(plan)))
                .flatMap(limits -> limits.map(found -> Mono.just(response(plan, found)))
                        .orElseGet(() -> Mono.error(
                                new ResponseStatusException(HttpStatus.NOT_FOUND, "No plan named '" + plan + "'."))));
    }

    @PutMapping
    Mono<PlanResponse> put(@PathVariable String plan, @RequestBody UpdatePlanRequest request) {
        PlanLimits limits = request.toLimits();
        return storeAvailable(plans.update(checked(plan), limits)).map(updated -> response(plan, updated));
    }

    /** Back to the configured limits (or the default plan's, for a plan only an override defined). */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> reset(@PathVariable String plan) {
        return storeAvailable(plans.reset(checked(plan)));
    }

    /** The override store (Redis, when configured) failing or not answering in time is a 503, not a 500. */
    private static <T> Mono<T> storeAvailable(Mono<T> call) {
        return call.onErrorMap(error ->
                new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The plan store is not available.", error));
    }

    private PlanResponse response(String plan, PlanLimits limits) {
        Limit tenant = limits.tenantLimit();
        Limit key = limits.keyLimit(properties.keyShare());
        return new PlanResponse(
                plan,
                tenant.replenishRate(),
                tenant.burstCapacity(),
                tenant.requestedTokens(),
                key.replenishRate(),
                key.burstCapacity(),
                plans.isOverridden(plan));
    }

    private static String checked(String plan) {
        if (!PLAN_NAME.matcher(plan).matches()) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "A plan name is 1-40 lower-case letters, digits, '-' or '_'.");
        }
        return plan;
    }

    /** New limits of a plan; the key limits default to the configured share of the tenant's. */
    record UpdatePlanRequest(
            Integer replenishRate,
            Long burstCapacity,
            Integer requestedTokens,
            Integer keyReplenishRate,
            Long keyBurstCapacity) {

        PlanLimits toLimits() {
            if (replenishRate == null || burstCapacity == null) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "replenishRate and burstCapacity are required.");
            }
            try {
                return new PlanLimits(
                        replenishRate,
                        burstCapacity,
                        requestedTokens != null ? requestedTokens : 1,
                        keyReplenishRate,
                        keyBurstCapacity);
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
            }
        }
    }

    /** A plan's effective limits, the key's included, and whether they come from a runtime override. */
    record PlanResponse(
            String plan,
            int replenishRate,
            long burstCapacity,
            int requestedTokens,
            int keyReplenishRate,
            long keyBurstCapacity,
            boolean overridden) {}
}
