package cn.hrss.seal.application.portal;

import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The portal's pages on a node over PostgreSQL. */
class PostgresPortalPageTest extends PortalPageTest {
    static final TestDatabase DB = TestDatabase.postgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        database(r, DB);
    }
}
