package cn.hrss.seal.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.stereotype.Component;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The optional unencrypted listener ({@code seal.gateway.plain-http.port}) serving the same handler as the TLS
 * port; for local use, so it binds loopback unless told otherwise.
 */
@Component
class PlainHttpListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlainHttpListener.class);

    private final GatewayProperties.PlainHttp settings;
    private final HttpHandler handler;
    private volatile DisposableServer server;

    PlainHttpListener(GatewayProperties properties, HttpHandler handler) {
        this.settings = properties.plainHttp();
        this.handler = handler;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        server = HttpServer.create()
                .host(settings.address())
                .port(settings.port())
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow();
        log.info("plain HTTP listener on {}:{}", settings.address(), server.port());
    }

    @Override
    public void stop() {
        DisposableServer running = server;
        if (running != null) {
            running.disposeNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    int port() {
        DisposableServer running = server;
        return running == null ? -1 : running.port();
    }
}
