package cn.hrss.seal.node;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat writes a response through a socket buffer of 8 KB by default: one system call per 8 KB. A data signature
 * carries the whole SES_Seal (tens of KB) and a batch answer hundreds of them, so the node writes in 64 KB pieces
 * (loopback and most NICs take that in one call).
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {
    static final int SOCKET_WRITE_BUFFER = 64 * 1024;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketWriteBuffer() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BUFFER)));
    }
}
