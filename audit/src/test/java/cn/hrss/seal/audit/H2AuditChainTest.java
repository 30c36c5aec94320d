package cn.hrss.seal.audit;

import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2AuditChainTest extends AuditChainContractTest {
    static final TestDatabase DB = TestDatabase.h2();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database(registry, DB);
    }
}
