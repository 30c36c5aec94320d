package cn.hrss.seal.federation.inbox;

import cn.hrss.seal.federation.api.Inbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {
    @Bean
    Inbox federationInbox(DataSource dataSource, ObjectProvider<Clock> clocks) {
        return new JdbcInbox(JdbcClient.create(dataSource), clocks.getIfUnique(Clock::systemUTC));
    }
}
