package cn.hrss.seal.status.query;

import cn.hrss.seal.status.TestNode;
import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StatusQueryPostgresTest extends StatusQueryContract {
    /** Dropped at JVM exit, after the (dirtied) context has closed its connections. */
    static final TestDatabase DB = TestDatabase.postgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestNode.use(DB, registry);
    }
}
