package cn.hrss.seal.node;

import cn.hrss.seal.accounts.api.PublicPaths;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node's OpenAPI description at {@code /v3/api-docs}, public so business systems can generate clients. */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    PublicPaths openApiPaths() {
        return PublicPaths.of("openapi", "/v3/api-docs", "/v3/api-docs/**");
    }

    @Bean
    OpenAPI sealNodeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("HRSS electronic seal node").version("v1")
                        .description("Seal making, status, signing (reviewed and business API) and verification. "
                                + "Errors: {\"code\",\"message\",\"details\"} with stable codes."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
