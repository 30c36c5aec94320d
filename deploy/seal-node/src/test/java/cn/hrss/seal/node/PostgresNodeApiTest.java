package cn.hrss.seal.node;

import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresNodeApiTest extends NodeApiTest {
    static final TestDatabase DB = TestDatabase.postgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        register(registry, DB);
    }
}
