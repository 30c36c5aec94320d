package cn.hrss.seal.gateway;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One route per {@link RouteGroup} to the node, each with its own size and rate limit; nothing else is routed. */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    @Bean
    TokenBucketRateLimiter tokenBucketRateLimiter(GatewayProperties properties) {
        return new TokenBucketRateLimiter(properties, System::nanoTime);
    }

    @Bean
    RouteLocator sealNodeRoutes(RouteLocatorBuilder builder, GatewayProperties properties,
                                TokenBucketRateLimiter limiter, ErrorResponses errors) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        int order = 0;
        for (RouteGroup group : RouteGroup.values()) {
            GatewayProperties.Limits limits = properties.limits(group);
            int routeOrder = order++;
            routes.route(group.routeId(), route -> route.order(routeOrder)
                    .path(group.paths().toArray(String[]::new))
                    // rate limit first: a refused client should not even get its size checked
                    .filters(filters -> filters
                            .filter(new RateLimit(limiter, group, errors))
                            .filter(new RequestSizeLimit(limits.maxRequestSize().toBytes())))
                    .uri(properties.nodeUri()));
        }
        return routes.build();
    }
}
