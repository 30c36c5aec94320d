package cn.hrss.seal.audit;

import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresAuditChainTest extends AuditChainContractTest {
    static final TestDatabase DB = TestDatabase.postgres();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database(registry, DB);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }
}
